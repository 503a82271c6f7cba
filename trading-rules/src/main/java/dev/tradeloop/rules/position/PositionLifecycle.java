package dev.tradeloop.rules.position;

import dev.tradeloop.events.Action;
import dev.tradeloop.events.Event;
import dev.tradeloop.events.ExitExecution;
import dev.tradeloop.events.ExitFailed;
import dev.tradeloop.events.ExitReason;
import dev.tradeloop.events.ExitTrigger;
import dev.tradeloop.events.ExitTriggered;
import dev.tradeloop.events.Fill;
import dev.tradeloop.events.MarketStatus;
import dev.tradeloop.events.OrderEvent;
import dev.tradeloop.events.OrderPurpose;
import dev.tradeloop.events.OrderStatus;
import dev.tradeloop.events.PositionClosed;
import dev.tradeloop.events.PositionIncreased;
import dev.tradeloop.events.PositionMarked;
import dev.tradeloop.events.PositionOpened;
import dev.tradeloop.events.PositionPartiallyClosed;
import dev.tradeloop.events.PositionSettled;
import dev.tradeloop.events.PriceTick;
import dev.tradeloop.events.Side;
import dev.tradeloop.events.TrailingStopActivated;
import dev.tradeloop.events.TrailingStopMoved;
import dev.tradeloop.events.money.Contracts;
import dev.tradeloop.events.money.Money;
import dev.tradeloop.events.money.Price;
import dev.tradeloop.rules.Method;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * How a position changes, as plain functions: each input (a fill, an order event, an evaluation
 * against the market) gives the next state and the events it causes, in order. The monitor's
 * topology only stores the state and sends the events; replays and benchmarks call the same code.
 */
public final class PositionLifecycle {

    /** The state after an input, and what to publish about it. */
    public record Step(Optional<Position> position, List<Event> events) {

        static Step none(Optional<Position> position) {
            return new Step(position, List.of());
        }
    }

    /**
     * What an evaluation looks at besides the position: the market, the model, the account; and its
     * {@code cause}, what it answers (the id of the input read, or the timer's round), from which a
     * trigger's id is derived: the same evaluation replayed triggers the same id, which exit-service
     * recognises.
     */
    public record Context(PriceTick tick, Optional<BigDecimal> probabilityYes, boolean flattenAll,
            Optional<BigDecimal> waitingEdge, Instant now, String cause) {
    }

    private PositionLifecycle() {
    }

    /** An entry fill opens the position or adds to it; an exit fill closes it, or part of it. */
    public static Step onFill(Optional<Position> current, Fill fill, Instant now) {
        if (current.filter(p -> p.tradeIds().contains(fill.tradeId())).isPresent()) {
            return Step.none(current);
        }
        if (fill.action() == Action.BUY) {
            return current.map(p -> increase(p, fill, now)).orElseGet(() -> open(fill, now));
        }
        return current.filter(p -> !p.closed()).map(p -> reduce(p, fill, now)).orElseGet(() -> Step.none(current));
    }

    /**
     * An exit that failed for good: the position stays open and may trigger again. Only a failure of
     * the exit in flight counts (its orders name its trigger): a late failure of an exit that a more
     * urgent one replaced changes nothing.
     */
    public static Step onOrderEvent(Position position, OrderEvent order, Instant now) {
        if (order.purpose() != OrderPurpose.EXIT || order.status() != OrderStatus.EXIT_FAILED
                || position.exitInFlight().isEmpty()
                || !ExitTrigger.isOrderOf(order.clientOrderId(), position.exitInFlight().get().triggerEventId())) {
            return Step.none(Optional.of(position)); // not a failure of the exit in flight: of one it replaced, say
        }
        Position.ExitInFlight failed = position.exitInFlight().get();
        Position next = with(position, Optional.empty());
        return new Step(Optional.of(next), List.of(new ExitFailed(UUID.randomUUID(), now, position.correlationId(),
                position.positionId(), position.marketTicker(), failed.reason(), failed.priority(),
                order.note().orElse("the exit failed"), order.ending())));
    }

    /**
     * Marks the position at the market, moves its trailing stop, evaluates all ten exit conditions
     * and, when one wins, triggers its exit (unless an exit at least as urgent is in flight). A market
     * whose held side has no bid or no ask is not a price to mark or to judge a profit by: only the
     * CRITICAL conditions are evaluated on it ({@link #criticalOnOneSidedBook}), never silenced.
     */
    public static Step evaluate(Position position, Context context, Method method) {
        if (position.closed() || !position.holding().isOpen()) {
            return Step.none(Optional.of(position));
        }
        PriceTick tick = context.tick();
        if (tick.marketStatus() == MarketStatus.SETTLED && tick.result().isPresent()) {
            return settle(position, tick.result().get(), context.now());
        }
        if (tick.marketStatus() == MarketStatus.PAUSED) {
            return Step.none(Optional.of(position)); // a paused market takes no order: nothing to trigger until it trades
        }
        MarketView market = MarketView.of(tick, position.holding().side());
        if (!market.isQuoted()) {
            return criticalOnOneSidedBook(position, context, method, market);
        }
        Holding.Valuation value = position.holding().valueAt(market.bid());
        TrailingStop stop = position.trailingStop().update(value, method.exits().trailingStop());
        List<Event> events = new ArrayList<>();
        String id = position.positionId();
        Instant now = context.now();
        if (stop.active() && !position.trailingStop().active()) {
            events.add(new TrailingStopActivated(UUID.randomUUID(), now, position.correlationId(), id,
                    position.marketTicker(), market.bid(), stop.distance(), stop.stop()));
        } else if (stop.movedFrom(position.trailingStop())) {
            events.add(new TrailingStopMoved(UUID.randomUUID(), now, position.correlationId(), id,
                    position.marketTicker(), market.bid(), stop.distance(), stop.stop()));
        }
        Optional<BigDecimal> probability = context.probabilityYes().map(p ->
                position.holding().side() == Side.YES ? p : BigDecimal.ONE.subtract(p));
        ExitConditions.Inputs inputs = new ExitConditions.Inputs(position.holding(), value, stop, market, now,
                probability, context.flattenAll(), position.stagesDone(), position.stageSold(), context.waitingEdge(),
                position.confidence());
        Optional<ExitResolution.Decision> decision = ExitResolution.resolve(ExitConditions.evaluate(inputs, method),
                position.exitInFlight().map(Position.ExitInFlight::priority));
        Optional<Position.ExitInFlight> inFlight = position.exitInFlight();
        if (decision.isPresent()) {
            inFlight = Optional.of(trigger(position, decision.get(), market.bid(), market, method, context, events));
        }
        Position next = new Position(id, position.marketTicker(), position.eventTicker(), position.method(),
                position.confidence(), position.correlationId(), position.holding(), position.realizedPnl(),
                position.totalFees(), stop, position.stagesDone(), position.stageSold(), position.tradeIds(), inFlight,
                Optional.of(market.bid()), position.publishedMark(), position.publishedAt(), Optional.of(now), false);
        boolean crossed = !events.isEmpty() || position.publishedMark().map(last -> !last.equals(market.bid())
                && zone(next, last, method) != zone(next, value, method))
                .orElse(true);
        boolean heartbeat = position.publishedAt().map(at -> !now.isBefore(at.plus(method.monitoring().markInterval())))
                .orElse(true);
        if (crossed || heartbeat || markMoved(next, method, now)) {
            return marked(next, events, now);
        }
        return new Step(Optional.of(next), List.copyOf(events));
    }

    /**
     * The mark a timer round sends for a position whose last evaluations moved its mark by the
     * method's step or more while marks were held back ({@code marks_at_most_every_ms}): when one is
     * due now, the step sending it; else none.
     */
    public static Optional<Step> heldBackMark(Position position, Method method, Instant now) {
        if (position.closed() || !position.holding().isOpen() || !markMoved(position, method, now)) {
            return Optional.empty();
        }
        return Optional.of(marked(position, new ArrayList<>(), now));
    }

    /** The last mark moved by the method's step or more from the one sent, and marks may be sent again. */
    private static boolean markMoved(Position position, Method method, Instant now) {
        Method.Monitoring monitoring = method.monitoring();
        return position.lastMark().isPresent() && position.publishedMark().map(sent ->
                Math.abs(sent.micros() - position.lastMark().get().micros()) >= monitoring.markStep().micros())
                .orElse(true) && position.publishedAt().map(at -> !now.isBefore(at.plus(monitoring.marksAtMostEvery())))
                .orElse(true);
    }

    /** {@code events} and the position's mark at its last mark, which is now the mark sent. */
    private static Step marked(Position position, List<Event> events, Instant now) {
        Price mark = position.lastMark().orElseThrow();
        Holding.Valuation value = position.holding().valueAt(mark);
        events.add(new PositionMarked(UUID.randomUUID(), now, position.correlationId(), position.positionId(),
                position.marketTicker(), mark, position.holding().count(), value.unrealizedPnl(), value.pnlPct()));
        Position next = new Position(position.positionId(), position.marketTicker(), position.eventTicker(),
                position.method(), position.confidence(), position.correlationId(), position.holding(),
                position.realizedPnl(), position.totalFees(), position.trailingStop(), position.stagesDone(),
                position.stageSold(), position.tradeIds(), position.exitInFlight(), position.lastMark(),
                Optional.of(mark), Optional.of(now), position.evaluatedAt(), position.closed());
        return new Step(Optional.of(next), List.copyOf(events));
    }

    /**
     * Which of the thresholds the exit rules watch {@code mark} is near or beyond, a bit each: the
     * stop loss, the first profit target, the trailing stop. A mark in another zone than the last one
     * sent crossed one, and is sent at once.
     */
    static int zone(Position position, Price mark, Method method) {
        return zone(position, position.holding().valueAt(mark), method);
    }

    private static int zone(Position position, Holding.Valuation value, Method method) {
        BigDecimal near = method.monitoring().nearThreshold();
        int zone = value.comparePnlPct(method.exits().stopLossPct().add(near)) <= 0 ? 1 : 0;
        zone |= value.comparePnlPct(firstTarget(position, method).subtract(near)) >= 0 ? 2 : 0;
        TrailingStop stop = position.trailingStop();
        zone |= stop.active() && value.mark().toBigDecimal().compareTo(stop.stop().add(near)) <= 0 ? 4 : 0;
        return zone;
    }

    /** The first P&amp;L the exit rules take profit at: the first partial stage, or the whole target. */
    private static BigDecimal firstTarget(Position position, Method method) {
        Method.Exits exits = method.exits();
        return exits.partialExits().enabled() ? exits.partialExits().stages().get(0).atPct()
                : ExitConditions.profitTarget(exits, position.confidence());
    }

    /**
     * A book whose held side has no bid, or no ask (a maker re-quoting, a market drying up): no price
     * to mark at or to take a profit by, but the CRITICAL conditions still hold. The stop loss is
     * judged at the bid when there is one, else at the last mark; the circuit breaker needs no price.
     * One that fires triggers its exit, which sells into the bid, or waits for one (exit-service).
     */
    private static Step criticalOnOneSidedBook(Position position, Context context, Method method, MarketView market) {
        boolean hasBid = market.bid().micros() > 0;
        Optional<Price> judgedAt = hasBid ? Optional.of(market.bid()) : position.lastMark();
        Contracts all = position.holding().count();
        List<ExitConditions.Fired> fired = new ArrayList<>();
        judgedAt.filter(price -> position.holding().valueAt(price).comparePnlPct(method.exits().stopLossPct()) < 0)
                .ifPresent(price -> fired.add(new ExitConditions.Fired(ExitReason.STOP_LOSS, all, Optional.empty())));
        if (context.flattenAll()) {
            fired.add(new ExitConditions.Fired(ExitReason.CIRCUIT_BREAKER, all, Optional.empty()));
        }
        Optional<ExitResolution.Decision> decision = ExitResolution.resolve(fired,
                position.exitInFlight().map(Position.ExitInFlight::priority));
        if (decision.isEmpty()) {
            return Step.none(Optional.of(position));
        }
        List<Event> events = new ArrayList<>();
        Position.ExitInFlight inFlight = trigger(position, decision.get(), judgedAt.orElse(market.bid()), market,
                method, context, events);
        return new Step(Optional.of(with(position, Optional.of(inFlight))), List.copyOf(events));
    }

    /** Triggers the exit {@code decision} chose: its {@code ExitTriggered} and trigger go into {@code events}. */
    private static Position.ExitInFlight trigger(Position position, ExitResolution.Decision decision, Price mark,
            MarketView market, Method method, Context context, List<Event> events) {
        ExitConditions.Fired winner = decision.winner();
        ExitExecution execution = method.exits().execution().get(winner.reason().priority());
        Instant now = context.now();
        ExitTrigger trigger = new ExitTrigger(triggerId(position, context, winner.reason()), now, position.correlationId(), position.positionId(),
                position.marketTicker(), position.eventTicker(), position.holding().side(), winner.reason(),
                winner.reason().priority(), winner.quantity(), winner.stage(), decision.conflicting(), mark,
                market.bid(), market.ask(), execution, position.method());
        events.add(new ExitTriggered(UUID.randomUUID(), now, position.correlationId(), position.positionId(),
                position.marketTicker(), trigger.reason(), trigger.priority(), trigger.quantity(),
                trigger.partialStage(), trigger.conflicting(), trigger.eventId()));
        events.add(trigger);
        return new Position.ExitInFlight(trigger.reason(), trigger.priority(), trigger.quantity(),
                trigger.partialStage(), trigger.eventId());
    }

    /** The trigger's id: a function of the position, what the evaluation answers, and the condition. */
    static UUID triggerId(Position position, Context context, ExitReason reason) {
        return UUID.nameUUIDFromBytes((position.positionId() + "|" + context.cause() + "|" + reason)
                .getBytes(StandardCharsets.UTF_8));
    }

    /** How long until the position must be evaluated again without a tick: sooner when near a threshold. */
    public static Duration nextEvaluationIn(Position position, Method method) {
        Method.Monitoring monitoring = method.monitoring();
        if (position.lastMark().isEmpty()) {
            return monitoring.urgentInterval();
        }
        Holding.Valuation value = position.holding().valueAt(position.lastMark().get());
        BigDecimal near = monitoring.nearThreshold();
        BigDecimal target = firstTarget(position, method);
        boolean close = value.pnlPctWithin(near, method.exits().stopLossPct()) || value.pnlPctWithin(near, target)
                || (position.trailingStop().active() && value.mark().toBigDecimal()
                        .subtract(position.trailingStop().stop()).abs().compareTo(near) <= 0);
        return close ? monitoring.urgentInterval() : monitoring.markInterval();
    }

    private static Step open(Fill fill, Instant now) {
        Money cost = fill.price().times(fill.count());
        Holding holding = new Holding(fill.side(), fill.count(), fill.count(), cost, fill.fee());
        BigDecimal confidence = fill.entryConfidence().orElse(BigDecimal.ZERO);
        Position position = new Position(fill.positionId(), fill.marketTicker(), fill.eventTicker(), fill.method(),
                confidence, fill.correlationId(), holding, Money.ZERO, fill.fee(), TrailingStop.inactive(), Set.of(),
                Map.of(), Set.of(fill.tradeId()), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), false);
        return new Step(Optional.of(position), List.of(new PositionOpened(UUID.randomUUID(), now, fill.correlationId(),
                fill.positionId(), fill.marketTicker(), fill.eventTicker(), fill.side(), fill.count(), cost, fill.fee(),
                confidence, fill.method(), fill.tradeId())));
    }

    private static Step increase(Position position, Fill fill, Instant now) {
        Holding holding = position.holding().increasedBy(fill.count(), fill.price(), fill.fee());
        Position next = new Position(position.positionId(), position.marketTicker(), position.eventTicker(),
                position.method(), position.confidence(), position.correlationId(), holding, position.realizedPnl(),
                position.totalFees().plus(fill.fee()), position.trailingStop(), position.stagesDone(), position.stageSold(),
                plus(position.tradeIds(), fill.tradeId()), position.exitInFlight(), position.lastMark(),
                Optional.empty(), position.publishedAt(), position.evaluatedAt(), false); // more held: mark it again
        return new Step(Optional.of(next), List.of(new PositionIncreased(UUID.randomUUID(), now,
                position.correlationId(), position.positionId(), position.marketTicker(), fill.count(), fill.price(),
                fill.fee(), holding.count(), holding.costBasis(), holding.entryFees(), fill.tradeId())));
    }

    private static Step reduce(Position position, Fill fill, Instant now) {
        Contracts sold = min(fill.count(), position.holding().count());
        Money proceeds = fill.price().times(sold);
        Money part = proceeds.minus(position.holding().costOf(sold)).minus(fill.fee());
        Holding left = position.holding().reducedBy(sold);
        Money realized = position.realizedPnl().plus(part);
        Money fees = position.totalFees().plus(fill.fee());
        Optional<Position.ExitInFlight> inFlight = position.exitInFlight();
        Set<Integer> stages = new HashSet<>(position.stagesDone());
        Optional<Integer> stage = inFlight.flatMap(Position.ExitInFlight::stage);
        Map<Integer, Contracts> stageSold = new HashMap<>(position.stageSold());
        stage.ifPresent(s -> stageSold.merge(s, sold, Contracts::plus));
        if (inFlight.isPresent()) {
            Contracts remaining = inFlight.get().remaining().compareTo(sold) <= 0 ? Contracts.ZERO
                    : inFlight.get().remaining().minus(sold);
            if (remaining.isZero()) {
                stage.ifPresent(stages::add);
                inFlight = Optional.empty();
            } else {
                Position.ExitInFlight f = inFlight.get();
                inFlight = Optional.of(new Position.ExitInFlight(f.reason(), f.priority(), remaining, f.stage(),
                        f.triggerEventId()));
            }
        }
        boolean closed = !left.isOpen();
        Position next = new Position(position.positionId(), position.marketTicker(), position.eventTicker(),
                position.method(), position.confidence(), position.correlationId(), left, realized, fees,
                position.trailingStop(), stages, stageSold, plus(position.tradeIds(), fill.tradeId()),
                closed ? Optional.empty() : inFlight, position.lastMark(),
                Optional.empty(), position.publishedAt(), position.evaluatedAt(), closed); // less held: mark it again
        Event event = closed
                ? new PositionClosed(UUID.randomUUID(), now, position.correlationId(), position.positionId(),
                        position.marketTicker(), sold, fill.price(), fill.fee(), realized, fees,
                        position.exitInFlight().map(Position.ExitInFlight::reason), fill.tradeId())
                : new PositionPartiallyClosed(UUID.randomUUID(), now, position.correlationId(), position.positionId(),
                        position.marketTicker(), sold, fill.price(), fill.fee(), left.count(), part, stage,
                        fill.tradeId());
        return new Step(Optional.of(next), List.of(event));
    }

    /**
     * The market settled while the position was held: each contract of the winning side paid $1.00,
     * the others nothing (no fee); what was left is realized against its cost and entry fees.
     */
    private static Step settle(Position position, Side result, Instant now) {
        Holding holding = position.holding();
        Money payout = holding.side() == result ? Price.ONE.times(holding.count()) : Money.ZERO;
        Money realized = position.realizedPnl().plus(payout.minus(holding.costOf(holding.count())));
        Position next = new Position(position.positionId(), position.marketTicker(), position.eventTicker(),
                position.method(), position.confidence(), position.correlationId(), holding.reducedBy(holding.count()),
                realized, position.totalFees(), position.trailingStop(), position.stagesDone(), position.stageSold(),
                position.tradeIds(),
                Optional.empty(), position.lastMark(), position.publishedMark(), position.publishedAt(),
                Optional.of(now), true);
        return new Step(Optional.of(next), List.of(new PositionSettled(UUID.randomUUID(), now,
                position.correlationId(), position.positionId(), position.marketTicker(), result, holding.count(),
                payout, realized)));
    }

    private static Position with(Position p, Optional<Position.ExitInFlight> inFlight) {
        return new Position(p.positionId(), p.marketTicker(), p.eventTicker(), p.method(), p.confidence(),
                p.correlationId(), p.holding(), p.realizedPnl(), p.totalFees(), p.trailingStop(), p.stagesDone(), p.stageSold(),
                p.tradeIds(), inFlight, p.lastMark(), p.publishedMark(), p.publishedAt(), p.evaluatedAt(), p.closed());
    }

    private static Set<String> plus(Set<String> ids, String id) {
        Set<String> more = new HashSet<>(ids);
        more.add(id);
        return more;
    }

    private static Contracts min(Contracts a, Contracts b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
