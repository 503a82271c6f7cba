package dev.tradeloop.events;

import dev.tradeloop.events.money.Contracts;
import dev.tradeloop.events.money.Money;
import dev.tradeloop.events.money.Price;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** The last contracts were sold; realizedPnl is over the position's whole life, fees included. */
public record PositionClosed(
        UUID eventId,
        Instant occurredAt,
        String correlationId,
        String positionId,
        String marketTicker,
        Contracts sold,
        Price price,
        Money fee,
        Money realizedPnl,
        Money totalFees,
        Optional<ExitReason> exitReason,
        String fillTradeId) implements PositionEvent {

    public PositionClosed {
        Event.requireEnvelope(eventId, occurredAt, correlationId);
        Require.text(positionId, "positionId");
        Require.text(marketTicker, "marketTicker");
        if (Require.present(sold, "sold").isZero()) {
            throw new IllegalArgumentException("sold is zero");
        }
        Require.present(price, "price");
        Require.present(fee, "fee");
        Require.present(realizedPnl, "realizedPnl");
        Require.present(totalFees, "totalFees");
        exitReason = Require.optional(exitReason);
        Require.text(fillTradeId, "fillTradeId");
    }
}
