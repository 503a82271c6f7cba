package dev.tradeloop.sim.faults;

/** What can go wrong on purpose between a client and the simulated exchange. */
public enum FaultKind {
    /** The answer comes late by the fault's delay, but it comes. */
    LATENCY,
    /** 429 {"error": "too many requests"}, and nothing is done. */
    RATE_LIMIT,
    /** 500, and nothing is done. */
    SERVER_ERROR,
    /** Nothing is done and the answer is held for the fault's delay (past the client's timeout). */
    TIMEOUT,
    /** The request IS carried out, then the answer is held for the fault's delay: the client never hears. */
    RESPONSE_LOST,
    /**
     * The request IS carried out, then the answer is a 2xx the client cannot read: JSON without the
     * documented fields (an exchange mid-deploy, a proxy rewriting bodies).
     */
    UNREADABLE_ANSWER,
    /** WebSocket: the next order-book message skips a sequence number, as if one were lost. */
    SEQUENCE_GAP,
    /** WebSocket: every open connection is closed at once (not armed: it happens when asked). */
    DROP_CONNECTIONS,
    /**
     * WebSocket: every subscription ends with a terminal error ({@code code} 10, 17 or 25: the user
     * must resubscribe); the connection stays open (not armed: it happens when asked).
     */
    END_SUBSCRIPTIONS,
    /**
     * WebSocket: every open connection is closed, and the next {@code count} handshakes are refused
     * with 503, as when the exchange's WebSocket gateway is down while REST still answers.
     */
    REFUSE_CONNECTIONS,
    /**
     * The next {@code count} fills listings leave out every fill younger than the fault's delay, as
     * when Kalshi's fills lag behind the order's status (the order says executed, its fills are not
     * listed yet).
     */
    FILLS_LAG,
    /**
     * The next {@code count} order listings leave out every order younger than the fault's delay, as
     * when a new order is not listed yet: a look-up by client order id misses an order that exists.
     */
    ORDERS_LAG;

    /** The kinds that hit REST operations through the interceptor (the others act where they are consulted). */
    public boolean isRest() {
        return this != SEQUENCE_GAP && this != DROP_CONNECTIONS && this != END_SUBSCRIPTIONS
                && this != REFUSE_CONNECTIONS && this != FILLS_LAG && this != ORDERS_LAG;
    }
}
