package dev.tradeloop.exit;

import dev.tradeloop.events.ExitTrigger;
import dev.tradeloop.events.OperationalError.ErrorKind;
import dev.tradeloop.events.OrderPurpose;
import dev.tradeloop.events.OrderStatus;
import dev.tradeloop.events.Topics;
import dev.tradeloop.events.money.Contracts;
import dev.tradeloop.exit.config.ExitConfig;
import dev.tradeloop.ledger.Claim;
import dev.tradeloop.ledger.Execution;
import dev.tradeloop.ledger.OrderLedger;
import dev.tradeloop.ledger.OrderRunner.TryLater;
import dev.tradeloop.support.Correlation;
import dev.tradeloop.support.OperationalErrors;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Takes exit triggers in and runs each to its end, one exit per position: a trigger is in the ledger
 * before it is acknowledged to Kafka, so none is lost; the unfinished ones that no instance works
 * (at start, and those of an instance that died) are resumed in the order they came, and a position
 * is worked by one instance at a time (its {@link Claim}). A more urgent trigger for a position whose
 * exit is running takes over (the running one cancels its resting order and ends, then the new one
 * starts); one no more urgent is recorded and left, since an exit at least as urgent is working.
 */
@ApplicationScoped
public class ExitDesk {

    /** The exit running for a position, and the more urgent trigger that is to replace it, if any. */
    private static final class Running {
        final ExitTrigger trigger;
        volatile Optional<ExitTrigger> takenOverBy = Optional.empty();

        Running(ExitTrigger trigger) {
            this.trigger = trigger;
        }
    }

    private final OrderLedger ledger;
    private final ExitExecutor executor;
    private final OperationalErrors errors;
    private final ExitConfig config;
    private final Clock clock;
    private final ScheduledExecutorService workers;
    private final Map<String, Running> running = new HashMap<>();

    public ExitDesk(OrderLedger ledger, ExitExecutor executor, OperationalErrors errors, ExitConfig config,
            Clock clock) {
        this.ledger = ledger;
        this.executor = executor;
        this.errors = errors;
        this.config = config;
        this.clock = clock;
        this.workers = Executors.newScheduledThreadPool(config.workers(), runnable -> new Thread(runnable, "exit-worker"));
    }

    /** The ledger's execution id of a trigger's exit (its client order ids are this, a dash, the attempt). */
    public static String executionId(ExitTrigger trigger) {
        return ExitTrigger.executionIdOf(trigger.eventId());
    }

    void onStart(@Observes StartupEvent start) {
        workers.scheduleWithFixedDelay(this::resume, 0, config.resumeEvery().toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Starts the unfinished exits that no instance works, in the order they came: at start, the ones
     * this instance left; later, the ones of an instance that died (their lock went with it).
     */
    void resume() {
        try {
            Set<String> workedHere = workedHere();
            for (Execution unfinished : ledger.unclaimed(OrderPurpose.EXIT)) {
                if (!workedHere.contains(unfinished.positionId())) {
                    ExitTrigger trigger = Topics.EXIT_TRIGGERS.codec().decode(unfinished.requestJson()
                            .getBytes(StandardCharsets.UTF_8));
                    Log.infof("resuming exit %s (%s %s)", trigger.positionId(), trigger.priority(), trigger.reason());
                    schedule(trigger);
                }
            }
        } catch (SQLException e) {
            errors.report(ErrorKind.DATABASE, "order ledger", e.getMessage(), "resume exits");
        } catch (RuntimeException e) {
            Log.errorf(e, "could not look for exits to resume");
        }
    }

    private synchronized Set<String> workedHere() {
        return new HashSet<>(running.keySet());
    }

    void onStop(@Observes ShutdownEvent stop) {
        workers.shutdownNow();
    }

    /** Records the trigger (once, however often it is delivered) and starts, queues or declines its exit. */
    public void accept(ExitTrigger trigger) throws SQLException {
        boolean isNew = ledger.open(new Execution(executionId(trigger), trigger.positionId(), OrderPurpose.EXIT,
                new String(Topics.EXIT_TRIGGERS.codec().encode(trigger), StandardCharsets.UTF_8)));
        if (isNew) {
            Log.infof("exit %s accepted: %s %s, sell %s %s of %s", trigger.positionId(),
                    trigger.priority(), trigger.reason(), trigger.quantity(), trigger.side(), trigger.marketTicker());
            schedule(trigger);
        }
    }

    private synchronized void schedule(ExitTrigger trigger) throws SQLException {
        Running current = running.get(trigger.positionId());
        if (current == null) {
            start(trigger);
            return;
        }
        ExitTrigger mostUrgent = current.takenOverBy.orElse(current.trigger);
        if (!trigger.priority().isMoreUrgentThan(mostUrgent.priority())) {
            decline(trigger, mostUrgent);
            return;
        }
        current.takenOverBy.ifPresent(queued -> {
            try {
                decline(queued, trigger);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        Log.infof("exit %s: %s %s takes over from %s %s", trigger.positionId(), trigger.priority(),
                trigger.reason(), current.trigger.priority(), current.trigger.reason());
        current.takenOverBy = Optional.of(trigger);
    }

    private void start(ExitTrigger trigger) {
        Running exit = new Running(trigger);
        running.put(trigger.positionId(), exit);
        workers.execute(() -> run(exit));
    }

    /** Ends a trigger that will not run: an exit at least as urgent has the position. */
    private void decline(ExitTrigger trigger, ExitTrigger working) throws SQLException {
        String note = "an exit at least as urgent is working: " + working.priority() + " " + working.reason();
        ledger.finish(executionId(trigger), List.of(new ExitEvents(trigger).end(OrderStatus.ABANDONED, 0,
                Contracts.ZERO, note, clock.instant())));
        Log.infof("exit %s %s %s declined: %s", trigger.positionId(), trigger.priority(),
                trigger.reason(), note);
    }

    private void run(Running exit) {
        ExitTrigger trigger = exit.trigger;
        boolean again = false;
        try (Correlation correlation = Correlation.of(trigger.correlationId())) {
            Optional<Claim> claim = ledger.claim(OrderPurpose.EXIT, trigger.positionId());
            if (claim.isEmpty()) {
                Log.infof("exit %s: another instance is working this position; the exit waits for it",
                        trigger.positionId());
            } else {
                try (Claim held = claim.get()) {
                    if (ledger.isActive(executionId(trigger))) {
                        executor.execute(trigger, () -> exit.takenOverBy);
                    }
                }
            }
        } catch (TryLater e) {
            Log.warnf("exit %s waits: %s", trigger.positionId(), e.getMessage());
            again = true;
        } catch (SQLException e) {
            errors.report(ErrorKind.DATABASE, "order ledger", e.getMessage(), trigger.correlationId());
            again = true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } catch (RuntimeException e) {
            Log.errorf(e, "exit %s failed; trying again", trigger.positionId());
            again = true;
        }
        if (again && !workers.isShutdown()) {
            workers.schedule(() -> run(exit), config.retryAfter().toMillis(), TimeUnit.MILLISECONDS);
        } else {
            ended(exit);
        }
    }

    private synchronized void ended(Running exit) {
        running.remove(exit.trigger.positionId());
        exit.takenOverBy.ifPresent(this::start);
    }
}
