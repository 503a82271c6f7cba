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
