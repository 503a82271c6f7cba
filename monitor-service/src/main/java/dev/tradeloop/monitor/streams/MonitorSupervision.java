package dev.tradeloop.monitor.streams;

import dev.tradeloop.events.AlertCode;
import dev.tradeloop.events.AlertSeverity;
import dev.tradeloop.monitor.config.MonitorConfig;
import dev.tradeloop.support.Alerts;
import dev.tradeloop.support.Workers;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Liveness;

/**
 * The trading rules' supervision of the monitor: a stream task that holds open positions and has
 * gone over none of them for {@code tradeloop.monitor.stall-after} (2 min) has stopped, and a position
 * could be orphaned. The service then fails its liveness check (a supervisor restarts it) and a
 * CRITICAL {@code MONITOR_STALLED} alert names the task, once per stall.
 */
@Liveness
@ApplicationScoped
public class MonitorSupervision implements HealthCheck {

    private final TaskActivity activity;
    private final MonitorConfig config;
    private final Alerts alerts;
    private final Clock clock;
    private final Set<String> alerted = new HashSet<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "monitor-supervision");
        thread.setDaemon(true);
        return thread;
    });

    private final Workers workers;

    public MonitorSupervision(TaskActivity activity, MonitorConfig config, Alerts alerts, Clock clock,
            Workers workers) {
        this.workers = workers;
        this.activity = activity;
        this.config = config;
        this.alerts = alerts;
        this.clock = clock;
    }

    void onStart(@Observes StartupEvent start) {
        timer.scheduleWithFixedDelay(workers.rounds("monitor-supervision", this::alertStalled), 10, 10,
                TimeUnit.SECONDS);
    }

    void onStop(@Observes ShutdownEvent stop) {
        timer.shutdownNow();
    }

    @Override
    public HealthCheckResponse call() {
        Map<String, TaskActivity.Round> stalled = stalled();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("monitor-tasks").status(stalled.isEmpty());
        stalled.forEach((task, round) -> response.withData("task " + task, round.openPositions()
                + " open positions, last gone over at " + round.at()));
        return response.build();
    }

    synchronized void alertStalled() {
        Map<String, TaskActivity.Round> stalled = stalled();
        alerted.retainAll(stalled.keySet());
        stalled.forEach((task, round) -> {
            if (alerted.add(task)) {
                alerts.raise(AlertSeverity.CRITICAL, AlertCode.MONITOR_STALLED, "monitor task " + task + " holds "
                        + round.openPositions() + " open positions and has gone over none of them since "
                        + round.at() + ": their stops are not watched", "monitor-stalled-" + task,
                        Optional.empty(), Optional.empty());
            }
        });
    }

    private Map<String, TaskActivity.Round> stalled() {
        return activity.stalled(clock.instant(), config.stallAfter());
    }
}
