package dev.tradeloop.events;

/** Why the risk gate rejected an edge: one stable code per check of the trading rules. */
public enum RiskReason {
    MAX_OPEN_POSITIONS,
    MAX_TOTAL_EXPOSURE,
    MAX_EVENT_EXPOSURE,
    DAILY_LOSS_LIMIT,
    TRADING_NOT_ACTIVE,
    BREAKER_OPEN,
    PRICE_OUT_OF_BOUNDS,
    PRICE_OUTSIDE_COLLAR,
    ORDER_TOO_LARGE,
    ENTRY_IN_FLIGHT,
    POSITION_ALREADY_OPEN,
    INSUFFICIENT_BALANCE,
    NO_KELLY_STAKE,
    RISK_DATA_UNAVAILABLE,
    /** The edge is older than the method lets a price be (an outage's backlog): it is not traded. */
    STALE_SIGNAL
}
