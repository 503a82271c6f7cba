package dev.tradeloop.events;

import dev.tradeloop.events.money.Contracts;
import dev.tradeloop.events.money.Money;
import dev.tradeloop.events.money.Price;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * What an open position is worth at the market now: its mark (the held side's bid), the contracts
 * held, the unrealized P&amp;L. Sent to {@code position-marks}, compacted to the latest per position, not
 * to the position's history: at most once per the method's {@code marks_at_most_every_ms} while the
 * mark moves by its step or more, at once when the mark crosses a threshold the exit rules watch,
 * and at least every {@code mark_interval_seconds}.
 */
public record PositionMarked(
        UUID eventId,
        Instant occurredAt,
        String correlationId,
        String positionId,
        String marketTicker,
        Price mark,
        Contracts count,
        Money unrealizedPnl,
        BigDecimal pnlPct) implements Event {

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
