package dev.tradeloop.events;

/** What an alert is about, so a receiver can route and de-duplicate it. */
public enum AlertCode {
    BREAKER_TRIPPED,
    BREAKER_RESET,
    KILL_SWITCH,
    /** Someone tried an operator action without the right token. */
    OPERATOR_REFUSED,
    EXIT_FAILED,
    MONITOR_STALE,
    RECONCILIATION_MISMATCH,
    MODEL_ERRORS,
    DEAD_LETTER,
    /** An order sent without a readable answer, and not shown by the exchange since, was sent again. */
    ORDER_RESENT,
    SERVICE_ERROR
}
