package dev.tradeloop.exit;

import dev.tradeloop.events.Action;
import dev.tradeloop.events.Alert;
import dev.tradeloop.events.AlertCode;
import dev.tradeloop.events.AlertSeverity;
import dev.tradeloop.events.ExitTrigger;
import dev.tradeloop.events.Fill;
import dev.tradeloop.events.OrderEvent;
import dev.tradeloop.events.OrderPurpose;
import dev.tradeloop.events.OrderEnding;
import dev.tradeloop.events.OrderStatus;
import dev.tradeloop.events.Topics;
import dev.tradeloop.events.money.Contracts;
import dev.tradeloop.ledger.Attempt;
import dev.tradeloop.ledger.OrderRunner;
import dev.tradeloop.ledger.Outgoing;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** The events an exit reports, keyed by position id (alerts by their code), ready for the outbox. */
final class ExitEvents implements OrderRunner.Report {

    private final ExitTrigger trigger;

    ExitEvents(ExitTrigger trigger) {
        this.trigger = trigger;
    }

    @Override
    public String positionId() {
        return trigger.positionId();
    }

    @Override
    public String correlationId() {
        return trigger.correlationId();
    }

    /** One step of one attempt: its price, its count, what of it filled, and why. */
    @Override
    public Outgoing step(Attempt attempt, OrderStatus status, Optional<String> orderId, Contracts filled,
            Optional<String> errorCode, Optional<String> note, Instant at) {
        return order(status, attempt.clientOrderId(), orderId, Optional.of(attempt), attempt.count(),
                min(filled, attempt.count()), attempt.attempt(), errorCode, note, Optional.empty(), at);
    }

    /** How the whole exit ended: every attempt's fills together against the trigger's quantity. */
    Outgoing end(OrderStatus status, OrderEnding ending, int attempts, Contracts filled, String note, Instant at) {
        return order(status, Attempt.clientOrderId(ExitDesk.executionId(trigger), Math.max(1, attempts)),
                Optional.empty(), Optional.empty(), trigger.quantity(), min(filled, trigger.quantity()), attempts,
                Optional.empty(), Optional.of(note), Optional.of(ending), at);
    }

    @Override
    public Outgoing fill(Attempt attempt, dev.tradeloop.exchange.model.Fill fill, Instant at) {
        return Outgoing.of(Topics.FILLS, trigger.positionId(), new Fill(UUID.randomUUID(), at,
                trigger.correlationId(), trigger.positionId(), fill.dedupeId(), fill.orderId(),
                attempt.clientOrderId(), trigger.marketTicker(), trigger.eventTicker(), OrderPurpose.EXIT,
                trigger.side(), Action.SELL, fill.countFp(), OrderRunner.heldPrice(trigger.side(), fill),
                fill.feeCost(), fill.isTaker(), fill.createdTime(), Optional.empty(), trigger.method()));
    }

    Outgoing alert(AlertCode code, String message, Instant at) {
        return Outgoing.of(Topics.ALERTS, code.name(), new Alert(UUID.randomUUID(), at, trigger.correlationId(),
                AlertSeverity.CRITICAL, code, "exit-service", message, Optional.of(trigger.positionId()),
                Optional.of(trigger.marketTicker())));
    }

    private Outgoing order(OrderStatus status, String clientOrderId, Optional<String> orderId,
            Optional<Attempt> attempt, Contracts count, Contracts filled, int number, Optional<String> errorCode,
            Optional<String> note, Optional<OrderEnding> ending, Instant at) {
        return Outgoing.of(Topics.ORDER_EVENTS, trigger.positionId(), new OrderEvent(UUID.randomUUID(), at,
                trigger.correlationId(), trigger.positionId(), trigger.marketTicker(), OrderPurpose.EXIT, status,
                clientOrderId, orderId, trigger.side(), Action.SELL, attempt.map(Attempt::price), count, filled,
                number, Optional.of(trigger.execution().strategy()), Optional.of(trigger.priority()), errorCode, note,
                trigger.method(), ending));
    }

    private static Contracts min(Contracts a, Contracts b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
