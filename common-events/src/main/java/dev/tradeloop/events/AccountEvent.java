package dev.tradeloop.events;

/**
 * What the loop learns of the account on the exchange, on {@code account-balance}, the latest of each
 * kind kept (compacted by key): the balance and holdings the exchange reports, and each
 * reconciliation of the loop with them.
 */
public sealed interface AccountEvent extends Event permits BalanceReported, ReconciliationRun {
}
