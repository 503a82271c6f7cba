package dev.tradeloop.events;

/** The circuit breakers and the kill switch of the trading rules. */
public enum BreakerName {
    DAILY_LOSS,
    EXCHANGE_API,
    DATABASE,
    KILL_SWITCH
}
