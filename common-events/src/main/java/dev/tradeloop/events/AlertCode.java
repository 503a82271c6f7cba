package dev.tradeloop.events;

/** What an alert is about, so a receiver can route and de-duplicate it. */
public enum AlertCode {
    BREAKER_TRIPPED,
    BREAKER_RESET,
    KILL_SWITCH,
    /** Someone tried an operator action without the right token. */
    OPERATOR_REFUSED,
    EXIT_FAILED,
    /** A CRITICAL exit has nothing to sell into (no bid on the side held): it waits, and sells when one appears. */
    EXIT_WAITING_FOR_BID,
    MONITOR_STALE,
    RECONCILIATION_MISMATCH,
    MODEL_ERRORS,
    DEAD_LETTER,
    /** An order sent without a readable answer, and not shown by the exchange since, was sent again. */
    ORDER_RESENT,
    /** A thread or a channel the service lives by stopped: the service is not ready until it is restarted. */
    WORKER_STOPPED,
    /** Positions are open on a monitor task that has evaluated none of them for too long. */
    MONITOR_STALLED,
    SERVICE_ERROR
}
