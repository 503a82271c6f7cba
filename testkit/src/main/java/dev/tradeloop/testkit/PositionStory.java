package dev.tradeloop.testkit;

import dev.tradeloop.events.Action;
import dev.tradeloop.events.Alert;
import dev.tradeloop.events.AlertCode;
import dev.tradeloop.events.AlertSeverity;
import dev.tradeloop.events.ExitPriority;
import dev.tradeloop.events.ExitReason;
import dev.tradeloop.events.ExitTriggered;
import dev.tradeloop.events.Fill;
import dev.tradeloop.events.MethodRef;
import dev.tradeloop.events.OrderEvent;
import dev.tradeloop.events.OrderPurpose;
import dev.tradeloop.events.OrderStatus;
import dev.tradeloop.events.PositionClosed;
import dev.tradeloop.events.PositionMarked;
import dev.tradeloop.events.PositionOpened;
import dev.tradeloop.events.PositionPartiallyClosed;
import dev.tradeloop.events.RiskDecision;
import dev.tradeloop.events.RiskOutcome;
import dev.tradeloop.events.RiskReason;
import dev.tradeloop.events.Side;
import dev.tradeloop.events.Topics;
import dev.tradeloop.events.TrailingStopActivated;
import dev.tradeloop.events.money.Contracts;
import dev.tradeloop.events.money.Money;
import dev.tradeloop.events.money.Price;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * One position's whole life as the services publish it, under a method of its own so its figures
 * can be read apart from other tests': approved for 100 YES at 0.57 (entry fees $1.72), marked at
 * 0.62, trailing stop armed at 0.59, half sold at 0.65 for the first partial target (fee $0.80:
 * realized 32.50 − 29.36 − 0.80 = $2.34), the rest stopped out at 0.50 (fee $0.88: realized
 * 25.00 − 29.36 − 0.88 = −$5.24), so −$2.90 in all with $3.40 of fees.
 */
public final class PositionStory {

    public final String positionId = "pos-" + UUID.randomUUID();
    public final String market = "KXSTORY-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    public final String correlationId = "corr-" + UUID.randomUUID();
    public final MethodRef method = new MethodRef("story-" + UUID.randomUUID().toString().substring(0, 8), 3);
    private final Instant start = Instant.parse("2026-11-20T14:00:00Z");
    public final RiskDecision approval = buildApproval();
    public final RiskDecision rejection = buildRejection();
    public final Fill entryFill = buildEntryFill();
    public final PositionOpened opened = buildOpened();
    public final PositionMarked marked = buildMarked();
    public final TrailingStopActivated trailing = buildTrailing();
    public final ExitTriggered partialTarget = buildPartialTarget();
    public final PositionPartiallyClosed halfSold = buildHalfSold();
    public final ExitTriggered stopLoss = buildStopLoss();
    public final PositionClosed closed = buildClosed();
    public final Alert alert = buildAlert();

    private RiskDecision buildApproval() {
        return new RiskDecision(UUID.randomUUID(), at(0), correlationId, market, UUID.randomUUID(),
                new BigDecimal("0.0528"), RiskOutcome.APPROVED, List.of(), Optional.of(positionId),
                Optional.of(Contracts.whole(100)), Optional.of(Money.parse("57.00")), method);
    }

    private RiskDecision buildRejection() {
        return new RiskDecision(UUID.randomUUID(), at(1), "corr-" + UUID.randomUUID(), market + "X",
                UUID.randomUUID(), new BigDecimal("0.0400"), RiskOutcome.REJECTED,
                List.of(RiskReason.MAX_OPEN_POSITIONS, RiskReason.MAX_TOTAL_EXPOSURE), Optional.empty(),
                Optional.empty(), Optional.empty(), method);
    }

    public OrderEvent entryOrder(OrderStatus status, long filled) {
        return new OrderEvent(UUID.randomUUID(), at(filled == 0 ? 2 : 3), correlationId, positionId, market,
                OrderPurpose.ENTRY, status, positionId + "-1", Optional.of("ord-" + positionId), Side.YES,
                Action.BUY, Optional.of(Price.parse("0.57")), Contracts.whole(100), Contracts.whole(filled), 1,
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), method,
                Optional.empty());
    }

    private Fill buildEntryFill() {
        return new Fill(UUID.randomUUID(), at(3), correlationId, positionId, "trade-" + positionId,
                "ord-" + positionId, positionId + "-1", market, "KXSTORY", OrderPurpose.ENTRY, Side.YES, Action.BUY,
                Contracts.whole(100), Price.parse("0.57"), Money.parse("1.72"), true, at(3),
                Optional.of(new BigDecimal("0.80")), method);
    }

    private PositionOpened buildOpened() {
        return new PositionOpened(UUID.randomUUID(), at(4), correlationId, positionId, market, "KXSTORY", Side.YES,
                Contracts.whole(100), Money.parse("57.00"), Money.parse("1.72"), new BigDecimal("0.80"), method,
                "trade-" + positionId);
    }

    private PositionMarked buildMarked() {
        return new PositionMarked(UUID.randomUUID(), at(5), correlationId, positionId, market, Price.parse("0.62"),
                Contracts.whole(100), Money.parse("3.28"), new BigDecimal("0.0557"));
    }

    private TrailingStopActivated buildTrailing() {
        return new TrailingStopActivated(UUID.randomUUID(), at(6), correlationId, positionId, market,
                Price.parse("0.62"), new BigDecimal("0.03"), new BigDecimal("0.59"));
    }

    private ExitTriggered buildPartialTarget() {
        return new ExitTriggered(UUID.randomUUID(), at(7), correlationId, positionId, market,
                ExitReason.PARTIAL_EXIT_TARGET, ExitPriority.MEDIUM, Contracts.whole(50), Optional.of(1), List.of(),
                UUID.randomUUID());
    }

    private PositionPartiallyClosed buildHalfSold() {
        return new PositionPartiallyClosed(UUID.randomUUID(), at(8), correlationId, positionId, market,
                Contracts.whole(50), Price.parse("0.65"), Money.parse("0.80"), Contracts.whole(50),
                Money.parse("2.34"), Optional.of(1), "trade-exit-1-" + positionId);
    }

    private ExitTriggered buildStopLoss() {
        return new ExitTriggered(UUID.randomUUID(), at(9), correlationId, positionId, market, ExitReason.STOP_LOSS,
                ExitPriority.CRITICAL, Contracts.whole(50), Optional.empty(), List.of(ExitReason.EDGE_DISAPPEARED),
                UUID.randomUUID());
    }

    private PositionClosed buildClosed() {
        return new PositionClosed(UUID.randomUUID(), at(10), correlationId, positionId, market, Contracts.whole(50),
                Price.parse("0.50"), Money.parse("0.88"), Money.parse("-2.90"), Money.parse("3.40"),
                Optional.of(ExitReason.STOP_LOSS), "trade-exit-2-" + positionId);
    }

    private Alert buildAlert() {
        return new Alert(UUID.randomUUID(), at(11), correlationId, AlertSeverity.WARNING, AlertCode.MONITOR_STALE,
                "monitor-service", "no tick for " + market + " in 60 s", Optional.of(positionId),
                Optional.of(market));
    }

    /** Publishes the whole story, each event on its topic, keyed as the services key it. */
    public void publish(TestKafka kafka) {
        kafka.produce(Topics.RISK_DECISIONS, market, approval);
        kafka.produce(Topics.RISK_DECISIONS, market + "X", rejection);
        kafka.produce(Topics.ORDER_EVENTS, positionId, entryOrder(OrderStatus.PLACED, 0));
        kafka.produce(Topics.ORDER_EVENTS, positionId, entryOrder(OrderStatus.FILLED, 100));
        kafka.produce(Topics.FILLS, positionId, entryFill);
        kafka.produce(Topics.POSITION_EVENTS, positionId, opened);
        kafka.produce(Topics.POSITION_MARKS, positionId, marked);
        kafka.produce(Topics.POSITION_EVENTS, positionId, trailing);
        kafka.produce(Topics.POSITION_EVENTS, positionId, partialTarget);
        kafka.produce(Topics.POSITION_EVENTS, positionId, halfSold);
        kafka.produce(Topics.POSITION_EVENTS, positionId, stopLoss);
        kafka.produce(Topics.POSITION_EVENTS, positionId, closed);
        kafka.produce(Topics.ALERTS, null, alert);
    }

    private Instant at(int minutes) {
        return start.plus(minutes, ChronoUnit.MINUTES);
    }
}
