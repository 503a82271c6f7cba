package dev.tradeloop.events;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Something a person must see: a breaker tripped, an exit failed, a stale monitor, a mismatch. */
public record Alert(
        UUID eventId,
        Instant occurredAt,
        String correlationId,
        AlertSeverity severity,
        AlertCode code,
        String source,
        String message,
        Optional<String> positionId,
        Optional<String> marketTicker) implements Event {

    public Alert {
        Event.requireEnvelope(eventId, occurredAt, correlationId);
        Require.present(severity, "severity");
        Require.present(code, "code");
        Require.text(source, "source");
        Require.text(message, "message");
        positionId = Require.optional(positionId);
        marketTicker = Require.optional(marketTicker);
    }
}
