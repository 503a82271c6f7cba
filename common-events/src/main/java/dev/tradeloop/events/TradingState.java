package dev.tradeloop.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What the account may do now, and every breaker's state; written by risk-service alone under the
 * key {@code account} on a compacted topic, and obeyed by every service. {@code flattenAll} asks
 * for every open position to be closed with CRITICAL exits.
 */
public record TradingState(
        UUID eventId,
        Instant occurredAt,
        String correlationId,
        TradingMode mode,
        boolean flattenAll,
        List<BreakerState> breakers) implements Event {

    /** The only key of the trading-state topic. */
    public static final String KEY = "account";

    public TradingState {
        Event.requireEnvelope(eventId, occurredAt, correlationId);
        Require.present(mode, "mode");
        breakers = Require.list(breakers, "breakers");
    }

    public boolean entriesAllowed() {
        return mode == TradingMode.ACTIVE;
    }

    public boolean exitsAllowed() {
        return mode != TradingMode.HALTED;
    }
}
