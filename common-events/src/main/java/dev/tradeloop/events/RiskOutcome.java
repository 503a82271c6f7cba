package dev.tradeloop.events;

/** The verdict of the risk gate on one edge. */
public enum RiskOutcome {
    APPROVED,
    REJECTED
}
