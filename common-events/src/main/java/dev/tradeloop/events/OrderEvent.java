package dev.tradeloop.events;

import dev.tradeloop.events.money.Contracts;
import dev.tradeloop.events.money.Price;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * One step of an entry or exit order: intended, placed, walked, filled, cancelled, escalated,
 * given up... with the price chosen and why ({@code note}). Keyed by position id. Prices are of
 * the held side; {@code clientOrderId} is fixed before the exchange is called, so a step can always
 * be tied to the exchange's order. The event that ends an entry or an exit carries its
 * {@code ending}, a code, beside the note.
 */
public record OrderEvent(
        UUID eventId,
        Instant occurredAt,
        String correlationId,
        String positionId,
        String marketTicker,
        OrderPurpose purpose,
        OrderStatus status,
        String clientOrderId,
        Optional<String> orderId,
        Side side,
        Action action,
        Optional<Price> price,
        Contracts count,
        Contracts filled,
        int attempt,
        Optional<ExecutionStrategy> strategy,
        Optional<ExitPriority> priority,
        Optional<String> exchangeErrorCode,
        Optional<String> note,
        MethodRef method,
        Optional<OrderEnding> ending) implements Event {

    public OrderEvent {
        Event.requireEnvelope(eventId, occurredAt, correlationId);
        Require.text(positionId, "positionId");
        Require.text(marketTicker, "marketTicker");
        Require.present(purpose, "purpose");
        Require.present(status, "status");
        Require.text(clientOrderId, "clientOrderId");
        orderId = Require.optional(orderId);
        Require.present(side, "side");
        Require.present(action, "action");
        price = Require.optional(price);
        Require.present(count, "count");
        Require.present(filled, "filled");
        if (filled.compareTo(count) > 0) {
            throw new IllegalArgumentException("filled " + filled + " is more than count " + count);
        }
        Require.nonNegative(attempt, "attempt");
        strategy = Require.optional(strategy);
        priority = Require.optional(priority);
        exchangeErrorCode = Require.optional(exchangeErrorCode);
        note = Require.optional(note);
        Require.present(method, "method");
        ending = Require.optional(ending);
    }
}
