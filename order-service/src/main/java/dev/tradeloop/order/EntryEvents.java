package dev.tradeloop.order;

import dev.tradeloop.events.Action;
import dev.tradeloop.events.ApprovedTrade;
import dev.tradeloop.events.ExecutionStrategy;
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

/** The events an entry's execution reports, keyed by position id, ready for the outbox. */
final class EntryEvents {

    private EntryEvents() {
    }

    /** One step of one attempt: its price, its count, what of it filled. */
    static Outgoing step(ApprovedTrade trade, Attempt attempt, OrderStatus status, Optional<String> orderId,
            Contracts filled, Optional<String> errorCode, Optional<String> note, Instant at) {
        return Outgoing.of(Topics.ORDER_EVENTS, trade.positionId(), new OrderEvent(UUID.randomUUID(), at,
                trade.correlationId(), trade.positionId(), trade.marketTicker(), OrderPurpose.ENTRY, status,
                attempt.clientOrderId(), orderId, trade.side(), Action.BUY, Optional.of(attempt.price()),
                attempt.count(), min(filled, attempt.count()), attempt.attempt(),
                Optional.of(ExecutionStrategy.LIMIT_THEN_WALK), Optional.empty(), errorCode, note, trade.method(),
                Optional.empty()));
    }

    /** How the whole entry ended: every attempt's fills together against the approved count. */
    static Outgoing end(ApprovedTrade trade, OrderStatus status, OrderEnding ending, int attempts,
            String lastClientOrderId, Contracts filled, String note, Instant at) {
        return Outgoing.of(Topics.ORDER_EVENTS, trade.positionId(), new OrderEvent(UUID.randomUUID(), at,
                trade.correlationId(), trade.positionId(), trade.marketTicker(), OrderPurpose.ENTRY, status,
                lastClientOrderId, Optional.empty(), trade.side(), Action.BUY, Optional.empty(), trade.contracts(),
                min(filled, trade.contracts()), attempts, Optional.of(ExecutionStrategy.LIMIT_THEN_WALK),
                Optional.empty(), Optional.empty(), Optional.of(note), trade.method(), Optional.of(ending)));
    }

    /** How the runner words an entry's steps and fills. */
    static OrderRunner.Report reportFor(ApprovedTrade trade) {
        return new OrderRunner.Report() {
            @Override
            public String positionId() {
                return trade.positionId();
            }

            @Override
            public String correlationId() {
                return trade.correlationId();
            }

            @Override
            public Outgoing step(Attempt attempt, OrderStatus status, Optional<String> orderId, Contracts filled,
                    Optional<String> errorCode, Optional<String> note, Instant at) {
                return EntryEvents.step(trade, attempt, status, orderId, filled, errorCode, note, at);
            }

            @Override
            public Outgoing fill(Attempt attempt, dev.tradeloop.exchange.model.Fill fill, Instant at) {
                return EntryEvents.fill(trade, attempt, fill, at);
            }
        };
    }

    static Outgoing fill(ApprovedTrade trade, Attempt attempt, dev.tradeloop.exchange.model.Fill fill, Instant at) {
        return Outgoing.of(Topics.FILLS, trade.positionId(), new Fill(UUID.randomUUID(), at, trade.correlationId(),
                trade.positionId(), fill.dedupeId(), fill.orderId(), attempt.clientOrderId(), trade.marketTicker(),
                trade.eventTicker(), OrderPurpose.ENTRY, trade.side(), Action.BUY, fill.countFp(),
                OrderRunner.heldPrice(trade.side(), fill), fill.feeCost(), fill.isTaker(), fill.createdTime(),
                Optional.of(trade.confidence()), trade.method()));
    }

    private static Contracts min(Contracts a, Contracts b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
