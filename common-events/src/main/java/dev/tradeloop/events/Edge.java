package dev.tradeloop.events;

import dev.tradeloop.events.money.Money;
import dev.tradeloop.events.money.Price;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * An opportunity edge-service found under one method: buying {@code side} at {@code ask} is
 * worth {@code edge} per contract after {@code feePerContract}. Keyed by market ticker; risk-service
 * decides what becomes of it, sizing it on the cash of the market's exchange shard ({@code exchangeIndex}).
 */
public record Edge(
        UUID eventId,
        Instant occurredAt,
        String correlationId,
        String marketTicker,
        String eventTicker,
        Side side,
        BigDecimal probability,
        BigDecimal confidence,
        Price ask,
        Money feePerContract,
        BigDecimal edge,
        Price targetPrice,
        MethodRef method,
        UUID predictionEventId,
        UUID tickEventId,
        Optional<Integer> exchangeIndex) implements Event {

    public Edge {
        Event.requireEnvelope(eventId, occurredAt, correlationId);
        Require.text(marketTicker, "marketTicker");
        Require.text(eventTicker, "eventTicker");
        Require.present(side, "side");
        Require.unitInterval(probability, "probability");
        Require.unitInterval(confidence, "confidence");
        Require.present(ask, "ask");
        Require.present(feePerContract, "feePerContract");
        Require.present(edge, "edge");
        Require.present(targetPrice, "targetPrice");
        Require.present(method, "method");
        Require.present(predictionEventId, "predictionEventId");
        Require.present(tickEventId, "tickEventId");
        exchangeIndex = Require.optional(exchangeIndex);
        exchangeIndex.ifPresent(shard -> Require.nonNegative(shard, "exchangeIndex"));
    }

    /** The exchange shard of the market: 0, the default, when the event does not say (it was written before shards). */
    public int shard() {
        return exchangeIndex.orElse(0);
    }
}
