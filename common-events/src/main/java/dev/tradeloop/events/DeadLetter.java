package dev.tradeloop.events;

import dev.tradeloop.events.json.DecodeFailure;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A message a consumer could not process, kept whole with the reason, on the dead-letter topic of
 * its source (same key). {@code payload} is the original value as text (Base64 when it was not
 * UTF-8, said by {@code payloadBase64}), so nothing is lost and it can be replayed once fixed.
 */
public record DeadLetter(
        UUID eventId,
        Instant occurredAt,
        String correlationId,
        String sourceTopic,
        int partition,
        long offset,
        Optional<String> key,
        String payload,
        boolean payloadBase64,
        DecodeFailure failure,
        String error,
        String consumer) implements Event {

    public DeadLetter {
        Event.requireEnvelope(eventId, occurredAt, correlationId);
        Require.text(sourceTopic, "sourceTopic");
        key = Require.optional(key);
        Require.present(payload, "payload");
        Require.present(failure, "failure");
        Require.text(error, "error");
        Require.text(consumer, "consumer");
    }
}
