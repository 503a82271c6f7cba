package dev.tradeloop.events;

import dev.tradeloop.events.money.Contracts;
import dev.tradeloop.events.money.Money;
import dev.tradeloop.events.money.Price;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * One execution on the exchange for a position, unique by the exchange's {@code tradeId}. Keyed by
 * position id. {@code price} is of the held side and {@code fee} is what the exchange charged for
 * this fill, so realized P&amp;L sums to the balance change. An entry fill also carries what the
 * monitor needs to open the position ({@code eventTicker}, {@code entryConfidence}).
 */
public record Fill(
        UUID eventId,
        Instant occurredAt,
        String correlationId,
        String positionId,
        String tradeId,
        String orderId,
        String clientOrderId,
        String marketTicker,
        String eventTicker,
        OrderPurpose purpose,
        Side side,
        Action action,
        Contracts count,
        Price price,
        Money fee,
        boolean taker,
        Instant executedAt,
        Optional<BigDecimal> entryConfidence,
        MethodRef method) implements Event {

    public Fill {
        Event.requireEnvelope(eventId, occurredAt, correlationId);
        Require.text(positionId, "positionId");
        Require.text(tradeId, "tradeId");
        Require.text(orderId, "orderId");
        Require.text(clientOrderId, "clientOrderId");
        Require.text(marketTicker, "marketTicker");
        Require.text(eventTicker, "eventTicker");
        Require.present(purpose, "purpose");
        Require.present(side, "side");
        Require.present(action, "action");
        if (Require.present(count, "count").isZero()) {
            throw new IllegalArgumentException("count is zero");
        }
        Require.present(price, "price");
        if (Require.present(fee, "fee").isNegative()) {
            throw new IllegalArgumentException("fee " + fee + " is negative");
        }
        Require.present(executedAt, "executedAt");
        entryConfidence = Require.optional(entryConfidence);
        entryConfidence.ifPresent(c -> Require.unitInterval(c, "entryConfidence"));
        Require.present(method, "method");
    }
}
