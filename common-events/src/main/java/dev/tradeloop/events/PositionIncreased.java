package dev.tradeloop.events;

import dev.tradeloop.events.money.Contracts;
import dev.tradeloop.events.money.Money;
import dev.tradeloop.events.money.Price;
import java.time.Instant;
import java.util.UUID;

/** A later entry fill added contracts; totals are after the fill. */
public record PositionIncreased(
        UUID eventId,
        Instant occurredAt,
        String correlationId,
        String positionId,
        String marketTicker,
        Contracts added,
        Price price,
        Money fee,
        Contracts count,
        Money costBasis,
        Money entryFees,
        String fillTradeId) implements PositionEvent {

    public PositionIncreased {
        Event.requireEnvelope(eventId, occurredAt, correlationId);
        Require.text(positionId, "positionId");
        Require.text(marketTicker, "marketTicker");
        if (Require.present(added, "added").isZero()) {
            throw new IllegalArgumentException("added is zero");
        }
        Require.present(price, "price");
        Require.present(fee, "fee");
        if (Require.present(count, "count").isZero()) {
            throw new IllegalArgumentException("count is zero");
        }
        Require.present(costBasis, "costBasis");
        Require.present(entryFees, "entryFees");
        Require.text(fillTradeId, "fillTradeId");
    }
}
