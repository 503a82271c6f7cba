package dev.tradeloop.events;

/** How an open breaker closes again. */
public enum ResetMode {
    AUTOMATIC,
    MANUAL
}
