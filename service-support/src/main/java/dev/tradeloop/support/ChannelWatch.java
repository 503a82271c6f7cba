package dev.tradeloop.support;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.reactive.messaging.health.HealthReport.ChannelInfo;
import io.smallrye.reactive.messaging.providers.extension.HealthCenter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Watches the messaging channels every 2 s: one SmallRye stopped (its processing failed past what
 * the consumer handles) is reported to {@link Workers}, so the service goes unready and a person is
 * alerted rather than the channel standing still in silence.
 */
@ApplicationScoped
public class ChannelWatch {

    private final HealthCenter health;
    private final Workers workers;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "channel-watch");
        thread.setDaemon(true);
        return thread;
    });

    public ChannelWatch(HealthCenter health, Workers workers) {
        this.health = health;
        this.workers = workers;
    }

    void onStart(@Observes StartupEvent start) {
        timer.scheduleWithFixedDelay(workers.rounds("channel-watch", this::check), 2, 2, TimeUnit.SECONDS);
    }

    void onStop(@Observes ShutdownEvent stop) {
        timer.shutdownNow();
    }

    void check() {
        for (ChannelInfo channel : health.getLiveness().getChannels()) {
            if (!channel.isOk()) {
                workers.stopped("channel " + channel.getChannel(), String.valueOf(channel.getMessage()));
            }
        }
    }
}
