package dev.tradeloop.events;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Every escalation of an exit failed: the position stays open and may trigger again. {@code ending}
 * says why as a code, {@code detail} for people.
 */
public record ExitFailed(
        UUID eventId,
        Instant occurredAt,
        String correlationId,
        String positionId,
        String marketTicker,
        ExitReason reason,
        ExitPriority priority,
        String detail,
        Optional<OrderEnding> ending) implements PositionEvent {

    public ExitFailed {
        Event.requireEnvelope(eventId, occurredAt, correlationId);
        Require.text(positionId, "positionId");
        Require.text(marketTicker, "marketTicker");
        Require.present(reason, "reason");
        Require.present(priority, "priority");
        Require.text(detail, "detail");
        ending = Require.optional(ending);
    }
}
