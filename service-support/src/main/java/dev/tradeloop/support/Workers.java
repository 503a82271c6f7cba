package dev.tradeloop.support;

import dev.tradeloop.events.AlertCode;
import dev.tradeloop.events.AlertSeverity;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The threads and channels a service lives by (a feed thread, the outbox relay, a consumer channel).
 * One that stops other than at shutdown says so here: the service goes unready ({@link WorkersHealthCheck})
 * and a person is alerted, once; it never stops silently.
 */
@ApplicationScoped
public class Workers {

    private final Map<String, String> stopped = new ConcurrentHashMap<>();
    private final Alerts alerts;

    public Workers(Alerts alerts) {
        this.alerts = alerts;
    }

    /**
     * The body of a thread the service lives by (a feed, a relay), as the thread runs it: it returns
     * when the service stops; anything that escapes it (an exception it did not handle, an
     * {@link Error}) means the thread is dead, and says so here before it ends the thread.
     */
    public Runnable loop(String worker, Runnable body) {
        return () -> {
            try {
                body.run();
            } catch (RuntimeException | Error e) {
                stopped(worker, e);
                throw e;
            }
        };
    }

    /**
     * One round of a task a timer runs again and again: an exception that escapes a round is logged
     * and the next round runs (a timer whose task throws never runs it again, silently); an
     * {@link Error} stops the task, which says so here.
     */
    public Runnable rounds(String worker, Runnable round) {
        return () -> {
            try {
                round.run();
            } catch (RuntimeException e) {
                Log.errorf(e, "%s failed this round; the next round runs", worker);
            } catch (Error e) {
                stopped(worker, e);
                throw e;
            }
        };
    }

    /** {@code worker} stopped and will do nothing more until the service is restarted. */
    public void stopped(String worker, Throwable cause) {
        stopped(worker, cause.getClass().getSimpleName() + ": " + cause.getMessage());
    }

    /** {@code worker} stopped, for {@code why}, and will do nothing more until the service is restarted. */
    public void stopped(String worker, String why) {
        if (stopped.putIfAbsent(worker, why) != null) {
            return;
        }
        Log.errorf("%s stopped: %s", worker, why);
        alerts.raise(AlertSeverity.CRITICAL, AlertCode.WORKER_STOPPED, worker + " stopped (" + why
                + "); the service is not ready and must be restarted", "worker-" + worker, Optional.empty(),
                Optional.empty());
    }

    /** The workers that stopped, each with why, in name order. */
    public Map<String, String> stopped() {
        return new TreeMap<>(stopped);
    }
}
