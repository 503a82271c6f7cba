package dev.tradeloop.events;

import dev.tradeloop.events.money.Contracts;
import dev.tradeloop.events.money.Price;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The monitor's order to close (part of) a position: the winning exit condition, its priority,
 * the quantity, how to execute it, and the other conditions that fired at the same evaluation.
 * Keyed by position id; exit-service executes it.
 */
public record ExitTrigger(
        UUID eventId,
        Instant occurredAt,
        String correlationId,
        String positionId,
        String marketTicker,
        String eventTicker,
        Side side,
        ExitReason reason,
        ExitPriority priority,
        Contracts quantity,
        Optional<Integer> partialStage,
        List<ExitReason> conflicting,
        Price mark,
        Price bid,
        Price ask,
        ExitExecution execution,
        MethodRef method) implements Event {

    public ExitTrigger {
        Event.requireEnvelope(eventId, occurredAt, correlationId);
        Require.text(positionId, "positionId");
        Require.text(marketTicker, "marketTicker");
        Require.text(eventTicker, "eventTicker");
        Require.present(side, "side");
        Require.present(reason, "reason");
        Require.present(priority, "priority");
        if (Require.present(quantity, "quantity").isZero()) {
            throw new IllegalArgumentException("quantity is zero");
        }
        partialStage = Require.optional(partialStage);
        conflicting = Require.list(conflicting, "conflicting");
        Require.present(mark, "mark");
        Require.present(bid, "bid");
        Require.present(ask, "ask");
        Require.present(execution, "execution");
        Require.present(method, "method");
    }

    /**
     * The id exit-service works this trigger under; each of its orders' client order ids is this id,
     * a dash and the attempt number, so an order event names the trigger it served.
     */
    public static String executionIdOf(UUID triggerEventId) {
        return ClientOrderIds.exitExecutionId(triggerEventId);
    }

    /** True when {@code clientOrderId} is one of the orders of the trigger {@code triggerEventId}. */
    public static boolean isOrderOf(String clientOrderId, UUID triggerEventId) {
        return clientOrderId.startsWith(executionIdOf(triggerEventId) + "-");
    }
}
