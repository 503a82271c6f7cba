package dev.tradeloop.events;

/** A market's trading status, as the exchange reports it, reduced to what the loop acts on. */
public enum MarketStatus {
    UNOPENED,
    OPEN,
    PAUSED,
    CLOSED,
    SETTLED
}
