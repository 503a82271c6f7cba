package dev.tradeloop.events;

/** What the account may do: trade, only reduce positions, or nothing at all. */
public enum TradingMode {
    ACTIVE,
    REDUCE_ONLY,
    HALTED
}
