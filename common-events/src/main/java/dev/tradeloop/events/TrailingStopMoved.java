package dev.tradeloop.events;

import dev.tradeloop.events.money.Price;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A new peak moved the stop up (it never moves down). */
public record TrailingStopMoved(
        UUID eventId,
        Instant occurredAt,
        String correlationId,
        String positionId,
        String marketTicker,
        Price peak,
        BigDecimal distance,
        BigDecimal stop) implements PositionEvent {

    public TrailingStopMoved {
        Event.requireEnvelope(eventId, occurredAt, correlationId);
        Require.text(positionId, "positionId");
        Require.text(marketTicker, "marketTicker");
        Require.present(peak, "peak");
        Require.unitInterval(distance, "distance");
        Require.present(stop, "stop");
    }
}
