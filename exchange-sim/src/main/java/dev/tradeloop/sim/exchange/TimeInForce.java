package dev.tradeloop.sim.exchange;

/** How long an order may rest: until cancelled, not at all (the rest is cancelled), or all-or-nothing. */
public enum TimeInForce {
    GOOD_TILL_CANCELED,
    IMMEDIATE_OR_CANCEL,
    FILL_OR_KILL
}
