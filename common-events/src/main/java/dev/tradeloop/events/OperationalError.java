package dev.tradeloop.events;

import java.time.Instant;
import java.util.UUID;

/**
 * One failure of a dependency a service could not do without (an exchange call, a database
 * statement), reported so risk-service can count them against the exchange-API and database
 * breakers. Keyed by the reporting service.
 */
public record OperationalError(
        UUID eventId,
        Instant occurredAt,
        String correlationId,
        ErrorKind kind,
        String source,
        String operation,
        String detail) implements Event {

    /** Which breaker an error counts against. */
    public enum ErrorKind {
        EXCHANGE_API,
        DATABASE
    }

    public OperationalError {
        Event.requireEnvelope(eventId, occurredAt, correlationId);
        Require.present(kind, "kind");
        Require.text(source, "source");
        Require.text(operation, "operation");
        Require.text(detail, "detail");
    }
}
