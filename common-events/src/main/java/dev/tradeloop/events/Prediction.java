package dev.tradeloop.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A model's probability that a market resolves YES, with its confidence and the model that made
 * it. Keyed by market ticker; the topic is compacted, so the latest prediction per market stays.
 */
public record Prediction(
        UUID eventId,
        Instant occurredAt,
        String correlationId,
        String marketTicker,
        BigDecimal probabilityYes,
        BigDecimal confidence,
        String modelId,
        String modelVersion) implements Event {

    public Prediction {
        Event.requireEnvelope(eventId, occurredAt, correlationId);
        Require.text(marketTicker, "marketTicker");
        Require.unitInterval(probabilityYes, "probabilityYes");
        Require.unitInterval(confidence, "confidence");
        Require.text(modelId, "modelId");
        Require.text(modelVersion, "modelVersion");
    }

    /** The model's probability that {@code side} wins. */
    public BigDecimal probability(Side side) {
        return side == Side.YES ? probabilityYes : BigDecimal.ONE.subtract(probabilityYes);
    }
}
