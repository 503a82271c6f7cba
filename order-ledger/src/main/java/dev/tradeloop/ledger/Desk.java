package dev.tradeloop.ledger;

import dev.tradeloop.events.Event;
import dev.tradeloop.events.OperationalError.ErrorKind;
import dev.tradeloop.events.OrderPurpose;
import dev.tradeloop.events.Topic;
import dev.tradeloop.support.Correlation;
import dev.tradeloop.support.OperationalErrors;
import dev.tradeloop.support.Workers;
import io.quarkus.logging.Log;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The desk of entries and of exits: takes requests in and runs each to its end on a pool of
 * workers. A request is in the ledger before it is acknowledged to Kafka, so one taken in is never
 * lost; the unfinished ones no instance works (at start, and those of an instance that died) are
 * resumed in the order they came; one that must wait (the exchange or the database away, the
 * trading state not known) is tried again later; a position is worked by one request at a time,
 * on one thread of one instance (its {@link Claim}). A request for a position already being worked
 * here takes over from it, or is declined, as its {@link Kind} says.
 */
public final class Desk<R extends Event> {

    /** What a desk needs to know of its kind of request, and how to work one. */
    public interface Kind<R extends Event> {

        OrderPurpose purpose();

        /** The topic the requests come from: the ledger keeps each request in its encoding. */
        Topic<R> topic();

        String executionIdOf(R request);

        String positionId(R request);

        String correlationId(R request);

        /** Works the request to its end; {@code takenOverBy} answers the request that is to replace it, if any. */
        void execute(R request, Supplier<Optional<R>> takenOverBy) throws SQLException, InterruptedException;

        /** Whether {@code request} takes over from {@code working} on the same position. Entries: never. */
        default boolean takesOver(R request, R working) {
            return false;
        }

        /** Ends a request that will not run, {@code working} having the position; it stays unfinished by default. */
        default void decline(R request, R working) throws SQLException {
        }
    }

    /** The request being worked for a position, and the one that is to take over from it, if any. */
    private final class Running {
        final R request;
        volatile Optional<R> takenOverBy = Optional.empty();

        Running(R request) {
            this.request = request;
        }
    }

    private final OrderLedger ledger;
    private final Kind<R> kind;
    private final OperationalErrors errors;
    private final Duration resumeEvery;
    private final Duration retryAfter;
    private final ScheduledExecutorService workers;
    private final Map<String, Running> running = new HashMap<>();
    private final Workers supervision;

    public Desk(OrderLedger ledger, Kind<R> kind, OperationalErrors errors, Workers supervision, int workers,
            Duration resumeEvery, Duration retryAfter) {
        this.supervision = supervision;
        this.ledger = ledger;
        this.kind = kind;
        this.errors = errors;
        this.resumeEvery = resumeEvery;
        this.retryAfter = retryAfter;
        String name = kind.purpose().name().toLowerCase() + "-worker";
        this.workers = Executors.newScheduledThreadPool(workers, runnable -> new Thread(runnable, name));
    }

    /** Resumes the unfinished requests now, then every {@code resumeEvery}. */
    public void start() {
        workers.scheduleWithFixedDelay(supervision.rounds(name() + "-resume", this::resume), 0,
                resumeEvery.toMillis(), TimeUnit.MILLISECONDS);
    }

    public void stop() {
        workers.shutdownNow();
    }

    /** Records the request (once, however often it is delivered) and starts, queues or declines it. */
    public boolean accept(R request) throws SQLException {
        boolean isNew = ledger.open(new Execution(kind.executionIdOf(request), kind.positionId(request),
                kind.purpose(), new String(kind.topic().codec().encode(request), StandardCharsets.UTF_8)));
        if (isNew) {
            schedule(request);
        }
        return isNew;
    }

    /**
     * Starts the unfinished requests that no instance works, in the order they came: at start, the
     * ones this instance left; later, the ones of an instance that died (their lock went with it).
     */
    void resume() {
        try {
            Set<String> workedHere = workedHere();
            for (Execution unfinished : ledger.unclaimed(kind.purpose())) {
                if (!workedHere.contains(unfinished.positionId())) {
                    R request = kind.topic().codec().decode(unfinished.requestJson().getBytes(StandardCharsets.UTF_8));
                    Log.infof("resuming %s %s (execution %s)", name(), unfinished.positionId(),
                            unfinished.executionId());
                    schedule(request);
                }
            }
        } catch (SQLException e) {
            errors.report(ErrorKind.DATABASE, "order ledger", e.getMessage(), "resume " + kind.purpose());
        } catch (RuntimeException e) {
            Log.errorf(e, "could not look for %s executions to resume", name());
        }
    }

    /** The desk's kind in the words of its logs: entry, exit. */
    private String name() {
        return kind.purpose().name().toLowerCase();
    }

    private synchronized Set<String> workedHere() {
        return new HashSet<>(running.keySet());
    }

    private synchronized void schedule(R request) throws SQLException {
        Running current = running.get(kind.positionId(request));
        if (current == null) {
            start(request);
            return;
        }
        R mostUrgent = current.takenOverBy.orElse(current.request);
        if (kind.executionIdOf(mostUrgent).equals(kind.executionIdOf(request))) {
            return; // already here
        }
        if (!kind.takesOver(request, mostUrgent)) {
            kind.decline(request, mostUrgent);
            return;
        }
        if (current.takenOverBy.isPresent()) {
            kind.decline(current.takenOverBy.get(), request);
        }
        current.takenOverBy = Optional.of(request);
    }

    private void start(R request) {
        Running work = new Running(request);
        running.put(kind.positionId(request), work);
        workers.execute(() -> run(work));
    }

    private void run(Running work) {
        R request = work.request;
        boolean again = false;
        try (Correlation correlation = Correlation.of(kind.correlationId(request))) {
            Optional<Claim> claim = ledger.claim(kind.purpose(), kind.positionId(request));
            if (claim.isEmpty()) {
                Log.infof("%s %s: another instance is working this position; it waits", name(),
                        kind.positionId(request));
            } else {
                try (Claim held = claim.get()) {
                    if (ledger.isActive(kind.executionIdOf(request))) {
                        kind.execute(request, () -> work.takenOverBy);
                    }
                }
            }
        } catch (OrderRunner.TryLater e) {
            Log.warnf("%s %s waits: %s", name(), kind.positionId(request), e.getMessage());
            again = true;
        } catch (SQLException e) {
            errors.report(ErrorKind.DATABASE, "order ledger", e.getMessage(), kind.correlationId(request));
            again = true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return; // shutting down: the ledger has it for the next start
        } catch (RuntimeException e) {
            Log.errorf(e, "%s %s failed; trying again", name(), kind.positionId(request));
            again = true;
        } catch (Error e) {
            supervision.stopped(name() + "-desk", e);
            throw e;
        }
        if (again && !workers.isShutdown()) {
            workers.schedule(() -> run(work), retryAfter.toMillis(), TimeUnit.MILLISECONDS);
        } else {
            ended(work);
        }
    }

    private synchronized void ended(Running work) {
        running.remove(kind.positionId(work.request));
        work.takenOverBy.ifPresent(this::start);
    }
}
