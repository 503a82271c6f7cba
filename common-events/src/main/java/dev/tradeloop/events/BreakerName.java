package dev.tradeloop.events;

/** The circuit breakers and the kill switch of the trading rules. */
public enum BreakerName {
    DAILY_LOSS,
    EXCHANGE_API,
    DATABASE,
    KILL_SWITCH,
    /**
     * The account holds what the loop's positions do not account for, or the other way round:
     * entries stop until an operator, having looked, acknowledges it by resetting this breaker.
     */
    RECONCILIATION
}
