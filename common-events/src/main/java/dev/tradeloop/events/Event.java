package dev.tradeloop.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.Instant;
import java.util.UUID;

/**
 * Every value on every topic. On the wire each carries {@code type} (the record's simple name),
 * {@code schemaVersion}, {@code eventId} (unique, so consumers can skip what they applied),
 * {@code occurredAt} and a {@code correlationId} that follows one trade from its edge to its last
 * fill. The permitted types are the whole contract: {@link EventTypes} reads them from here.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.SIMPLE_NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonIgnoreProperties(value = "schemaVersion", allowGetters = true)
public sealed interface Event
        permits PriceTick, Prediction, Edge, ApprovedTrade, RiskDecision, OrderEvent, Fill,
                ExitTrigger, PositionEvent, PositionMarked, TradingState, AccountEvent, OperationalError, Alert,
                DeadLetter {

    UUID eventId();

    Instant occurredAt();

    String correlationId();

    @JsonProperty("schemaVersion")
    default int schemaVersion() {
        return EventTypes.schemaVersionOf(getClass());
    }

    /** The wire name of this event's type. */
    default String type() {
        return getClass().getSimpleName();
    }

    /** Checks the envelope fields every record shares; called from each compact constructor. */
    static void requireEnvelope(UUID eventId, Instant occurredAt, String correlationId) {
        Require.present(eventId, "eventId");
        Require.present(occurredAt, "occurredAt");
        Require.text(correlationId, "correlationId");
    }
}
