package dev.tradeloop.events;

import dev.tradeloop.events.money.Contracts;
import dev.tradeloop.events.money.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * An entry the risk gate approved and sized: buy {@code contracts} of {@code side} under a new
 * {@code positionId}, worked as {@code plan} says. Keyed by position id; order-service executes it.
 */
public record ApprovedTrade(
        UUID eventId,
        Instant occurredAt,
        String correlationId,
        String positionId,
        String marketTicker,
        String eventTicker,
        Side side,
        Contracts contracts,
        Money stake,
        BigDecimal confidence,
        EntryPlan plan,
        MethodRef method,
        UUID edgeEventId) implements Event {

    public ApprovedTrade {
        Event.requireEnvelope(eventId, occurredAt, correlationId);
        Require.text(positionId, "positionId");
        Require.text(marketTicker, "marketTicker");
        Require.text(eventTicker, "eventTicker");
        Require.present(side, "side");
        if (Require.present(contracts, "contracts").isZero()) {
            throw new IllegalArgumentException("contracts is zero");
        }
        Require.present(stake, "stake");
        Require.unitInterval(confidence, "confidence");
        Require.present(plan, "plan");
        Require.present(method, "method");
        Require.present(edgeEventId, "edgeEventId");
    }
}
