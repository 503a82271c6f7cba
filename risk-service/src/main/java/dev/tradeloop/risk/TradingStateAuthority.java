package dev.tradeloop.risk;

import dev.tradeloop.events.AlertCode;
import dev.tradeloop.events.AlertSeverity;
import dev.tradeloop.events.BreakerName;
import dev.tradeloop.events.BreakerState;
import dev.tradeloop.events.OperationalError.ErrorKind;
import dev.tradeloop.events.OperationalError;
import dev.tradeloop.events.Topics;
import dev.tradeloop.events.TradingState;
import dev.tradeloop.events.money.Money;
import dev.tradeloop.risk.Breakers.Breaker;
import dev.tradeloop.risk.Breakers.KillAction;
import dev.tradeloop.risk.messaging.PublishedTradingState;
import dev.tradeloop.risk.persistence.BreakerRepository;
import dev.tradeloop.support.Alerts;
import dev.tradeloop.support.EventPublisher;
import dev.tradeloop.support.OperationalErrors;
import dev.tradeloop.support.Retries;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.UUID;

/**
 * risk-service is the only writer of the trading state. The breakers live in PostgreSQL, so one
 * that resets only by hand stays open across restarts; every trip and reset is stored with who did
 * it, published on the compacted {@code trading-state} topic, and a person is alerted.
 *
 * <p>A trip is published at once, even when it cannot be stored (stopping trading must not wait for
 * the database, and the database breaker trips precisely when it fails), and stored as soon as the
 * database takes it: changes not stored yet are tried again, in order, every check round. At start
 * the breakers stored are merged with the state last published, breaker by breaker, the open one
 * winning: a trip that was published but never stored is not undone by a restart. A reset is
 * published only once it, and every change before it, is stored.
 */
@ApplicationScoped
public class TradingStateAuthority {

    private static final int ATTEMPTS = 3;
    private static final Duration FIRST_PAUSE = Duration.ofMillis(100);

    private static final Duration READ_PUBLISHED = Duration.ofSeconds(30);

    /** A breaker's new state, to be stored with who did what. */
    private record Change(Breaker breaker, String action, String actor, Instant at) {
    }

    private final Breakers breakers;
    private final BreakerRepository repository;
    private final PublishedTradingState published;
    private final Deque<Change> unstored = new ArrayDeque<>();
    private final EventPublisher publisher;
    private final Alerts alerts;
    private final OperationalErrors errors;
    private final Clock clock;
    private volatile TradingState current;
    private Money acknowledgedLoss = Money.ZERO;
    private LocalDate acknowledgedOn;

    public TradingStateAuthority(Breakers breakers, BreakerRepository repository, PublishedTradingState published,
            EventPublisher publisher, Alerts alerts, OperationalErrors errors, Clock clock) {
        this.breakers = breakers;
        this.repository = repository;
        this.published = published;
        this.publisher = publisher;
        this.alerts = alerts;
        this.errors = errors;
        this.clock = clock;
    }

    synchronized void onStart(@Observes StartupEvent start) throws Exception {
        try {
            Retries.withBackoff(ATTEMPTS, FIRST_PAUSE, repository::loadAll).forEach(breakers::restore);
            acknowledgedOn = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
            acknowledgedLoss = Retries.withBackoff(ATTEMPTS, FIRST_PAUSE, () -> repository.acknowledgedLoss(acknowledgedOn));
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the breakers from PostgreSQL (quarkus.datasource.jdbc.url): "
                    + e.getMessage(), e);
        }
        published.last(READ_PUBLISHED).ifPresent(this::keepWhatWasPublished);
        publish("start");
        Log.infof("trading state at start: %s", current.mode());
    }

    /** A breaker the log says is open and PostgreSQL says is closed was tripped but never stored: it stays open. */
    private void keepWhatWasPublished(TradingState last) {
        for (BreakerState state : last.breakers()) {
            Breaker stored = breakers.get(state.name());
            Breaker merged = stored.orIfOpen(Breaker.of(state));
            if (merged != stored) {
                breakers.restore(merged);
                Log.warnf("breaker %s is open in the trading state last published (%s) but not in PostgreSQL:"
                        + " it stays open, and is stored now", state.name(), last.eventId());
                store(merged, "tripped (restored from " + Topics.TRADING_STATE.name() + ")", "risk-service");
            }
        }
    }

    public TradingState current() {
        return current;
    }

    /** The loss of {@code day} an operator accepted by resetting the daily-loss breaker; zero if none. */
    public synchronized Money acknowledgedLoss(LocalDate day) {
        return day.equals(acknowledgedOn) ? acknowledgedLoss : Money.ZERO;
    }

    /** An exchange or database error some service reported. */
    public synchronized void onError(OperationalError error) {
        breakers.recordError(error.kind(), error.occurredAt(), clock.instant())
                .ifPresent(tripped -> tripped(tripped, "risk-service", error.correlationId()));
    }

    public synchronized void tripDailyLoss(String reason) {
        breakers.tripDailyLoss(clock.instant(), reason)
                .ifPresent(tripped -> tripped(tripped, "risk-service", "daily-loss-" + UUID.randomUUID()));
    }

    /** Trips the reconciliation breaker: entries stop until an operator acknowledges by resetting it. */
    public synchronized void tripReconciliation(String reason) {
        breakers.tripReconciliation(clock.instant(), reason)
                .ifPresent(tripped -> tripped(tripped, "risk-service", "reconciliation-" + UUID.randomUUID()));
    }

    /**
     * Pulls the kill switch: in force (published) at once; returns whether it is stored too. When it
     * is not, it is stored as soon as the database takes it, and a restart keeps it from the log.
     */
    public synchronized boolean killSwitch(KillAction action, String reason, String actor) {
        return tripped(breakers.killSwitch(action, clock.instant(), reason), actor, "kill-switch-" + UUID.randomUUID());
    }

    /** Stores what was changed but could not be stored yet, in order; true when nothing is left. */
    public synchronized boolean storeUnstored() {
        while (!unstored.isEmpty()) {
            Change next = unstored.peekFirst();
            try {
                Retries.withBackoff(ATTEMPTS, FIRST_PAUSE, () -> {
                    repository.save(next.breaker(), next.action(), next.actor(), next.at());
                    return null;
                });
            } catch (Exception e) {
                Log.errorf("breaker %s %s but not stored yet (%d change(s) waiting): %s", next.breaker().name(),
                        next.action(), unstored.size(), e.getMessage());
                errors.report(ErrorKind.DATABASE, "store breaker " + next.breaker().name(), e.getMessage(),
                        "breaker-store");
                return false;
            }
            unstored.removeFirst();
        }
        return true;
    }

    /** Closes the exchange-API breaker once its errors have cleared. */
    public synchronized void closeAutomaticIfCleared() {
        breakers.closeIfCleared(clock.instant()).ifPresent(closed -> {
            store(closed, "closed automatically", "risk-service");
            publish("api-errors-cleared");
            alerts.raise(AlertSeverity.INFO, AlertCode.BREAKER_RESET, "EXCHANGE_API breaker closed: errors cleared",
                    "breaker-reset-" + UUID.randomUUID(), Optional.empty(), Optional.empty());
        });
    }

    /**
     * A person's reset; thrown when it cannot be stored, and then nothing changed. Resetting the
     * daily-loss breaker accepts the day's loss as it is ({@code dayLoss}): the breaker trips again
     * that day only if the loss grows past the limit beyond it.
     */
    public synchronized void reset(BreakerName name, String actor, Money dayLoss) throws Exception {
        if (!storeUnstored()) {
            throw new IllegalStateException("earlier breaker changes are not stored yet (PostgreSQL fails)");
        }
        Breaker before = breakers.get(name);
        Breaker closed = breakers.reset(name);
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        try {
            Retries.withBackoff(ATTEMPTS, FIRST_PAUSE, () -> {
                if (name == BreakerName.DAILY_LOSS) {
                    repository.resetDailyLoss(closed, today, dayLoss, actor, now);
                    acknowledgedLoss = dayLoss;
                    acknowledgedOn = today;
                } else {
                    repository.save(closed, "reset", actor, now);
                }
                return null;
            });
        } catch (Exception e) {
            breakers.restore(before);
            errors.report(ErrorKind.DATABASE, "store breaker reset", e.getMessage(), "breaker-reset");
            throw e;
        }
        publish("reset-" + name);
        alerts.raise(AlertSeverity.INFO, AlertCode.BREAKER_RESET, name + " reset by " + actor,
                "breaker-reset-" + UUID.randomUUID(), Optional.empty(), Optional.empty());
    }

    private boolean tripped(Breaker breaker, String actor, String correlationId) {
        boolean stored;
        try {
            publish(correlationId);
        } finally {
            stored = store(breaker, "tripped", actor); // a trip the broker did not take is stored all the same
        }
        AlertCode code = switch (breaker.name()) {
            case KILL_SWITCH -> AlertCode.KILL_SWITCH;
            case RECONCILIATION -> AlertCode.RECONCILIATION_MISMATCH;
            default -> AlertCode.BREAKER_TRIPPED;
        };
        alerts.raise(AlertSeverity.CRITICAL, code, breaker.name() + " open: " + breaker.reason().orElse("")
                + "; trading is " + current.mode() + (current.flattenAll() ? ", closing every position" : "")
                + (stored ? "" : "; not stored in PostgreSQL yet, tried again every check round"),
                correlationId, Optional.empty(), Optional.empty());
        return stored;
    }

    /** Stores the change after every change not stored yet; false when it waits for the database. */
    private boolean store(Breaker breaker, String action, String actor) {
        unstored.addLast(new Change(breaker, action, actor, clock.instant()));
        return storeUnstored();
    }

    private void publish(String correlationId) {
        TradingState state = new TradingState(UUID.randomUUID(), clock.instant(), correlationId, breakers.mode(),
                breakers.flattenAll(), breakers.all().stream().map(Breaker::toState).toList());
        publisher.publish(Topics.TRADING_STATE, TradingState.KEY, state);
        current = state;
        Log.infof("trading state %s (flattenAll=%s) correlationId=%s", state.mode(), state.flattenAll(), correlationId);
    }
}
