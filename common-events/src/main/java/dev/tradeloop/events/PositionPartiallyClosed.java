package dev.tradeloop.events;

import dev.tradeloop.events.money.Contracts;
import dev.tradeloop.events.money.Money;
import dev.tradeloop.events.money.Price;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** An exit fill sold part of the position; realizedPnl is this part's, fees included. */
public record PositionPartiallyClosed(
        UUID eventId,
        Instant occurredAt,
        String correlationId,
        String positionId,
        String marketTicker,
        Contracts sold,
        Price price,
        Money fee,
        Contracts remaining,
        Money realizedPnl,
        Optional<Integer> partialStage,
        String fillTradeId) implements PositionEvent {

    public PositionPartiallyClosed {
        Event.requireEnvelope(eventId, occurredAt, correlationId);
        Require.text(positionId, "positionId");
        Require.text(marketTicker, "marketTicker");
        if (Require.present(sold, "sold").isZero()) {
            throw new IllegalArgumentException("sold is zero");
        }
        Require.present(price, "price");
        Require.present(fee, "fee");
        if (Require.present(remaining, "remaining").isZero()) {
            throw new IllegalArgumentException("remaining is zero");
        }
        Require.present(realizedPnl, "realizedPnl");
        partialStage = Require.optional(partialStage);
        Require.text(fillTradeId, "fillTradeId");
    }
}
