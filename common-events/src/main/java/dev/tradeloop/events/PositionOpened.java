package dev.tradeloop.events;

import dev.tradeloop.events.money.Contracts;
import dev.tradeloop.events.money.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A position came into being with its first entry fill. */
public record PositionOpened(
        UUID eventId,
        Instant occurredAt,
        String correlationId,
        String positionId,
        String marketTicker,
        String eventTicker,
        Side side,
        Contracts count,
        Money costBasis,
        Money entryFees,
        BigDecimal confidence,
        MethodRef method,
        String fillTradeId) implements PositionEvent {

    public PositionOpened {
        Event.requireEnvelope(eventId, occurredAt, correlationId);
        Require.text(positionId, "positionId");
        Require.text(marketTicker, "marketTicker");
        Require.text(eventTicker, "eventTicker");
        Require.present(side, "side");
        if (Require.present(count, "count").isZero()) {
            throw new IllegalArgumentException("count is zero");
        }
        Require.present(costBasis, "costBasis");
        Require.present(entryFees, "entryFees");
        Require.unitInterval(confidence, "confidence");
        Require.present(method, "method");
        Require.text(fillTradeId, "fillTradeId");
    }
}
