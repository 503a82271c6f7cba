package dev.tradeloop.monitor.streams;

import dev.tradeloop.events.Alert;
import dev.tradeloop.events.AlertCode;
import dev.tradeloop.events.AlertSeverity;
import dev.tradeloop.events.DeadLetter;
import dev.tradeloop.events.Event;
import dev.tradeloop.events.ExitTrigger;
import dev.tradeloop.events.Fill;
import dev.tradeloop.events.MethodRef;
import dev.tradeloop.events.OrderEvent;
import dev.tradeloop.events.PositionMarked;
import dev.tradeloop.events.PositionSettled;
import dev.tradeloop.events.Prediction;
import dev.tradeloop.events.PriceTick;
import dev.tradeloop.events.Topic;
import dev.tradeloop.events.Topics;
import dev.tradeloop.events.TradingState;
import dev.tradeloop.events.json.DecodeFailure;
import dev.tradeloop.events.money.Money;
import dev.tradeloop.rules.Method;
import dev.tradeloop.rules.position.Position;
import dev.tradeloop.rules.position.PositionLifecycle;
import dev.tradeloop.support.Correlation;
import dev.tradeloop.support.DeadLetters;
import io.quarkus.logging.Log;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;

/**
 * Moves the monitor's inputs (keyed by market ticker, so a market's ticks, predictions, fills and
 * order events meet in one task) to and from {@link PositionLifecycle}: a tick or a prediction
 * evaluates every position on its market; a fill opens, grows or closes one; an exit order that
 * failed frees it to trigger again. A timer evaluates positions whose market is quiet (every 30 s,
 * every 5 s near a threshold), every position at once while the account must be flattened, and
 * alerts once when a position's market has had no price for too long (its evaluations then run on a
 * stale price). The task's open positions are worked in memory ({@link TaskPositions}) in front of
 * the changelogged store.
 *
 * <p>An input that decodes but cannot be processed (for one position, or at all) is dead-lettered
 * inside the task's transaction, with the reason, and the task goes on: a bad record never stops a
 * stream thread, nor makes its replacement crash on the same record again. Each timer round is
 * written down in {@link TaskActivity}, which the supervision reads.
 */
final class PositionProcessor implements Processor<String, Event, String, Event> {

    private final Function<MethodRef, Optional<Method>> methods;
    private final Duration staleAfter;
    private final MonitorMetrics metrics;
    private final TaskActivity activity;
    private final LivePositions live;
    /**
     * For this long after the task starts, the timer does not act on a price stored before the start:
     * the feed gets a moment to say what the market is now (a restart is no reason to stop out, or
     * exit, on the last price heard before it). A tick that arrives is acted on at once.
     */
    static final Duration FRESH_PRICE_WAIT = Duration.ofSeconds(30);
    private Instant startedAt;
    private final Set<String> reportedStale = new HashSet<>();
    private final Set<String> reportedFailing = new HashSet<>();
    private String task;
    private ProcessorContext<String, Event> context;
    private TaskPositions positions;
    private Account account;
    private LatestByMarket<PriceTick> ticks;
    private LatestByMarket<Prediction> predictions;
    private ReadOnlyKeyValueStore<String, ValueAndTimestamp<TradingState>> tradingState;
    private KeyValueStore<String, WaitingEdge> waitingEdge;

    PositionProcessor(Function<MethodRef, Optional<Method>> methods, Duration staleAfter, MonitorMetrics metrics,
            TaskActivity activity, LivePositions live) {
        this.methods = methods;
        this.staleAfter = staleAfter;
        this.metrics = metrics;
        this.activity = activity;
        this.live = live;
    }

    @Override
    public void init(ProcessorContext<String, Event> context) {
        this.context = context;
        this.positions = new TaskPositions(context.getStateStore(MonitorTopology.POSITIONS), live);
        this.ticks = new LatestByMarket<>(context.getStateStore(MonitorTopology.TICKS));
        this.predictions = new LatestByMarket<>(context.getStateStore(MonitorTopology.PREDICTIONS));
        this.tradingState = context.getStateStore(MonitorTopology.TRADING_STATE);
        this.waitingEdge = context.getStateStore(MonitorTopology.WAITING_EDGE);
        context.schedule(Duration.ofSeconds(1), PunctuationType.WALL_CLOCK_TIME, this::onTimer);
        this.task = context.taskId().toString();
        // the stream time is not set yet while a task is initialised: the wall clock, until the first round
        activity.went(task, (int) positions.all().stream().filter(p -> !p.closed()).count(), Instant.now());
    }

    @Override
    public void close() {
        if (positions != null) {
            positions.close();
        }
        activity.gone(task);
    }

    @Override
    public void process(Record<String, Event> record) {
        try {
            account = null; // read again for this record, once, whatever the number of positions it evaluates
            handle(record.value(), now());
        } catch (RuntimeException e) {
            deadLetter(record.value(), "", e);
        }
    }

    private void handle(Event event, Instant now) {
        startedAt = startedAt == null ? now : startedAt; // the first record or round after the task started
        if (event instanceof PriceTick tick) {
            PriceTick held = ticks.get(tick.marketTicker());
            if (held != null && tick.sequence() <= held.sequence()) {
                return; // a duplicate, or older than the tick held
            }
            ticks.put(tick.marketTicker(), tick);
            metrics.tickProcessed();
            Optional<BigDecimal> probability = probabilityOf(tick.marketTicker());
            Money payouts = Money.ZERO;
            for (Position position : positions.on(tick.marketTicker())) {
                reportedStale.remove(position.positionId());
                for (Event sent : evaluateOrDeadLetter(position, tick, probability, now, tick)) {
                    if (sent instanceof ExitTrigger) {
                        metrics.tickToTrigger(Duration.between(tick.occurredAt(), now));
                    } else if (sent instanceof PositionSettled settled) {
                        payouts = payouts.plus(settled.payout());
                    }
                }
            }
            Money expected = payouts;
            tick.accountSettlement().flatMap(paid -> SettlementCheck.mismatch(tick, expected, now))
                    .ifPresent(alert -> context.forward(new Record<>(tick.marketTicker(), alert, now.toEpochMilli())));
        } else if (event instanceof Prediction prediction) {
            Prediction held = predictions.get(prediction.marketTicker());
            if (held == null || !prediction.occurredAt().isBefore(held.occurredAt())) {
                predictions.put(prediction.marketTicker(), prediction);
                PriceTick tick = ticks.get(prediction.marketTicker());
                if (tick != null) {
                    Optional<BigDecimal> probability = Optional.of(prediction.probabilityYes());
                    positions.on(prediction.marketTicker()).forEach(position ->
                            evaluateOrDeadLetter(position, tick, probability, now, prediction));
                }
            }
        } else if (event instanceof Fill fill) {
            PositionLifecycle.Step step = PositionLifecycle.onFill(positions.get(fill.marketTicker(),
                    fill.positionId()), fill, now);
            save(step);
            step.position().filter(p -> !p.closed()).ifPresent(p -> {
                try {
                    evaluate(p, now, "fill " + fill.eventId());
                } catch (RuntimeException e) {
                    alertFailing(p, e, now); // the fill is applied: the evaluation after it failed
                }
            });
        } else if (event instanceof OrderEvent order) {
            positions.get(order.marketTicker(), order.positionId())
                    .ifPresent(position -> save(PositionLifecycle.onOrderEvent(position, order, now)));
        }
    }

    /**
     * One pass over the task's positions: those due (quiet for their interval, or all while the account
     * must be flattened) are evaluated; the others send the mark an evaluation held back, when it is due.
     */
    private void onTimer(long timestamp) {
        Instant now = Instant.ofEpochMilli(timestamp);
        startedAt = startedAt == null ? now : startedAt;
        account = null;
        boolean flatten = account(now).flattenAll();
        List<Position> due = new ArrayList<>();
        int open = 0;
        for (Position position : positions.all()) {
            open += position.closed() ? 0 : 1;
            Optional<Method> method = methods.apply(position.method());
            Instant last = position.evaluatedAt().orElse(Instant.EPOCH);
            if (flatten || method.map(m -> !now.isBefore(last.plus(PositionLifecycle.nextEvaluationIn(position, m))))
                    .orElse(false)) {
                due.add(position);
            } else {
                sendHeldBackMark(position, method, now);
            }
            alertIfStale(position, now);
        }
        for (Position position : due) {
            try {
                evaluate(position, now, "timer " + timestamp);
                reportedFailing.remove(position.positionId());
            } catch (RuntimeException e) {
                alertFailing(position, e, now);
            }
            positions.get(position.marketTicker(), position.positionId())
                    .ifPresent(evaluated -> sendHeldBackMark(evaluated, methods.apply(evaluated.method()), now));
        }
        activity.went(task, open, now);
    }

    /** The mark evaluations held back (moved within {@code marks_at_most_every_ms} of the last one sent), if due. */
    private void sendHeldBackMark(Position position, Optional<Method> method, Instant now) {
        method.flatMap(m -> PositionLifecycle.heldBackMark(position, m, now)).ifPresent(this::save);
    }

    /** Evaluates one position on {@code tick}; a failure dead-letters {@code input} for it, and the others go on. */
    private List<Event> evaluateOrDeadLetter(Position position, PriceTick tick, Optional<BigDecimal> probability,
            Instant now, Event input) {
        try {
            return evaluate(position, tick, probability, now, input.eventId().toString());
        } catch (RuntimeException e) {
            deadLetter(input, "position " + position.positionId() + ": ", e);
            return List.of();
        }
    }

    /** An input that decoded but could not be processed: to its topic's dead letters, in this transaction. */
    private void deadLetter(Event input, String about, RuntimeException e) {
        Topic<Event> source = sourceOf(input);
        Optional<org.apache.kafka.streams.processor.api.RecordMetadata> meta = context.recordMetadata()
                .filter(m -> m.topic().equals(source.name()));
        String key = input instanceof PriceTick tick ? tick.marketTicker()
                : input instanceof Prediction prediction ? prediction.marketTicker() : null;
        String error = about + e.getClass().getSimpleName() + ": " + e.getMessage();
        Log.errorf(e, "could not process %s %s: %s", input.type(), input.eventId(), error);
        DeadLetter letter = DeadLetters.letter(source.name(), meta.map(m -> m.partition()).orElse(-1),
                meta.map(m -> m.offset()).orElse(-1L), key, source.codec().encode(input),
                DecodeFailure.PROCESSING_FAILED, error, "monitor-service", now());
        context.forward(new Record<>(key == null ? input.eventId().toString() : key, letter,
                context.currentSystemTimeMs()));
    }

    @SuppressWarnings("unchecked")
    private static Topic<Event> sourceOf(Event input) {
        Topic<?> source = input instanceof PriceTick ? Topics.PRICE_TICKS
                : input instanceof Prediction ? Topics.PREDICTIONS
                : input instanceof Fill ? Topics.FILLS
                : Topics.ORDER_EVENTS;
        return (Topic<Event>) source;
    }

    /** The timer could not evaluate a position: a person must know, once until it evaluates again. */
    private void alertFailing(Position position, RuntimeException e, Instant now) {
        Log.errorf(e, "could not evaluate position %s", position.positionId());
        if (reportedFailing.add(position.positionId())) {
            Alert alert = new Alert(UUID.randomUUID(), now, position.correlationId(), AlertSeverity.CRITICAL,
                    AlertCode.SERVICE_ERROR, "monitor-service", "position " + position.positionId() + " on "
                    + position.marketTicker() + " cannot be evaluated: " + e.getClass().getSimpleName() + ": "
                    + e.getMessage(), Optional.of(position.positionId()), Optional.of(position.marketTicker()));
            context.forward(new Record<>(position.positionId(), alert, now.toEpochMilli()));
        }
    }

    private void evaluate(Position position, Instant now, String cause) {
        PriceTick tick = ticks.get(position.marketTicker());
        boolean heardBeforeStart = tick != null && tick.occurredAt().isBefore(startedAt);
        if (heardBeforeStart && now.isBefore(startedAt.plus(FRESH_PRICE_WAIT))) {
            return;
        }
        if (tick != null) {
            evaluate(position, tick, probabilityOf(position.marketTicker()), now, cause);
        }
    }

    /** Evaluates the position on {@code tick}, answering {@code cause}, and answers the events that sent. */
    private List<Event> evaluate(Position position, PriceTick tick, Optional<BigDecimal> probability, Instant now,
            String cause) {
        Optional<Method> method = methods.apply(position.method());
        if (method.isEmpty() || position.closed()) {
            return List.of();
        }
        Account state = account(now);
        PositionLifecycle.Context situation = new PositionLifecycle.Context(tick, probability, state.flattenAll(),
                state.waitingEdge(), now, cause);
        try (Correlation correlation = Correlation.of(position.correlationId())) {
            PositionLifecycle.Step step = PositionLifecycle.evaluate(position, situation, method.get());
            save(step);
            return step.events();
        }
    }

    private Optional<BigDecimal> probabilityOf(String market) {
        return Optional.ofNullable(predictions.get(market)).map(Prediction::probabilityYes);
    }

    /** No price for the position's market for too long: its evaluations say nothing new, a person must know. */
    private void alertIfStale(Position position, Instant now) {
        PriceTick tick = ticks.get(position.marketTicker());
        Instant lastPrice = tick == null ? position.evaluatedAt().orElse(now) : tick.occurredAt();
        if (now.isAfter(lastPrice.plus(staleAfter)) && reportedStale.add(position.positionId())) {
            Alert alert = new Alert(UUID.randomUUID(), now, position.correlationId(), AlertSeverity.WARNING,
                    AlertCode.MONITOR_STALE, "monitor-service", "position " + position.positionId() + " on "
                    + position.marketTicker() + " has had no price since " + lastPrice
                    + ": it is evaluated against a stale price", Optional.of(position.positionId()),
                    Optional.of(position.marketTicker()));
            context.forward(new Record<>(position.positionId(), alert, now.toEpochMilli()));
        }
    }

    /** What the account says while one record or one timer round is processed: read once for all its positions. */
    private Account account(Instant now) {
        if (account == null) {
            ValueAndTimestamp<TradingState> state = tradingState.get(TradingState.KEY);
            account = new Account(state != null && state.value() != null && state.value().flattenAll(),
                    WaitingEdge.at(waitingEdge, now));
        }
        return account;
    }

    /** Whether every position must be flattened, and the best edge waiting for capital. */
    private record Account(boolean flattenAll, Optional<BigDecimal> waitingEdge) {
    }

    /**
     * Keeps the new state and sends its events. Only a change of state (an event for {@code position-events},
     * a trigger, an alert) is written to the store; a mark alone is kept in memory and shown from there.
     */
    private void save(PositionLifecycle.Step step) {
        step.position().ifPresent(p -> {
            if (step.events().isEmpty()) {
                positions.update(p);
            } else if (step.events().stream().allMatch(PositionMarked.class::isInstance)) {
                positions.marked(p);
            } else {
                positions.keep(p);
            }
        });
        long at = context.currentSystemTimeMs();
        for (Event event : step.events()) {
            String key = step.position().map(Position::positionId).orElseThrow();
            context.forward(new Record<>(key, event, at));
            if (event instanceof ExitTrigger trigger) {
                metrics.triggered(trigger);
            }
        }
    }

    private Instant now() {
        return Instant.ofEpochMilli(context.currentSystemTimeMs());
    }
}
