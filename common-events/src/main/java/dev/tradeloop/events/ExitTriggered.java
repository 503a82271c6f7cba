package dev.tradeloop.events;

import dev.tradeloop.events.money.Contracts;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** An exit condition won the priority resolution and an exit trigger was sent. */
public record ExitTriggered(
        UUID eventId,
        Instant occurredAt,
        String correlationId,
        String positionId,
        String marketTicker,
        ExitReason reason,
        ExitPriority priority,
        Contracts quantity,
        Optional<Integer> partialStage,
        List<ExitReason> conflicting,
        UUID triggerEventId) implements PositionEvent {

    public ExitTriggered {
        Event.requireEnvelope(eventId, occurredAt, correlationId);
        Require.text(positionId, "positionId");
        Require.text(marketTicker, "marketTicker");
        Require.present(reason, "reason");
        Require.present(priority, "priority");
        if (Require.present(quantity, "quantity").isZero()) {
            throw new IllegalArgumentException("quantity is zero");
        }
        partialStage = Require.optional(partialStage);
        conflicting = Require.list(conflicting, "conflicting");
        Require.present(triggerEventId, "triggerEventId");
    }
}
