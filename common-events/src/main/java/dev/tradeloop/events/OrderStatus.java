package dev.tradeloop.events;

/** One step in an order's life, as order-service and exit-service record it. */
public enum OrderStatus {
    /** Written to the ledger before the exchange is called; the client order id is fixed. */
    INTENDED,
    PLACED,
    AMENDED,
    /** Cancelled and re-placed at a new price. */
    WALKED,
    PARTIALLY_FILLED,
    FILLED,
    CANCELLED,
    REJECTED,
    /** The strategy moved to a more aggressive one (e.g. HIGH falls back to market). */
    ESCALATED,
    /** The strategy ran out of walks without a fill. */
    GIVEN_UP,
    /** Every escalation failed: the position stays open and an alert goes out. */
    EXIT_FAILED,
    /** Left without a fill (entry timed out, or trading halted); nothing rests on the exchange. */
    ABANDONED
}
