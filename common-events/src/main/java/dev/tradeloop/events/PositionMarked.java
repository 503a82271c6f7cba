package dev.tradeloop.events;

import dev.tradeloop.events.money.Contracts;
import dev.tradeloop.events.money.Money;
import dev.tradeloop.events.money.Price;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** The position's mark moved by at least the method's step, or the mark interval passed. */
public record PositionMarked(
        UUID eventId,
        Instant occurredAt,
        String correlationId,
        String positionId,
        String marketTicker,
        Price mark,
        Contracts count,
        Money unrealizedPnl,
        BigDecimal pnlPct) implements PositionEvent {

    public PositionMarked {
        Event.requireEnvelope(eventId, occurredAt, correlationId);
        Require.text(positionId, "positionId");
        Require.text(marketTicker, "marketTicker");
        Require.present(mark, "mark");
        Require.present(count, "count");
        Require.present(unrealizedPnl, "unrealizedPnl");
        Require.present(pnlPct, "pnlPct");
    }
}
