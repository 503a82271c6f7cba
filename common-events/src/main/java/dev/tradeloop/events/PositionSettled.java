package dev.tradeloop.events;

import dev.tradeloop.events.money.Contracts;
import dev.tradeloop.events.money.Money;
import java.time.Instant;
import java.util.UUID;

/** The market resolved while the position was held: each winning contract paid $1.00. */
public record PositionSettled(
        UUID eventId,
        Instant occurredAt,
        String correlationId,
        String positionId,
        String marketTicker,
        Side result,
        Contracts count,
        Money payout,
        Money realizedPnl) implements PositionEvent {

    public PositionSettled {
        Event.requireEnvelope(eventId, occurredAt, correlationId);
        Require.text(positionId, "positionId");
        Require.text(marketTicker, "marketTicker");
        Require.present(result, "result");
        if (Require.present(count, "count").isZero()) {
            throw new IllegalArgumentException("count is zero");
        }
        Require.present(payout, "payout");
        Require.present(realizedPnl, "realizedPnl");
    }
}
