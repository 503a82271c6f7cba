package dev.tradeloop.edge.messaging;

import dev.tradeloop.edge.ModelErrorWatch;
import dev.tradeloop.events.Alert;
import dev.tradeloop.events.AlertCode;
import dev.tradeloop.events.AlertSeverity;
import dev.tradeloop.events.Topics;
import dev.tradeloop.support.EventPublisher;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Records each model error and, when the watch says so, publishes a MODEL_ERRORS alert. */
@ApplicationScoped
public class ModelErrors {

    private final ModelErrorWatch watch;
    private final EventPublisher publisher;
    private final Clock clock;

    public ModelErrors(ModelErrorWatch watch, EventPublisher publisher, Clock clock) {
        this.watch = watch;
        this.publisher = publisher;
        this.clock = clock;
    }

    public void record(String marketTicker, String why) {
        Instant now = clock.instant();
        Log.warnf("model error on %s: %s", marketTicker, why);
        watch.record(now).ifPresent(count -> {
            Alert alert = new Alert(UUID.randomUUID(), now, "model-errors-" + now.toEpochMilli(),
                    AlertSeverity.WARNING, AlertCode.MODEL_ERRORS, "edge-service",
                    count + " model errors in the last window; the latest, on " + marketTicker + ": " + why,
                    Optional.empty(), Optional.of(marketTicker));
            publisher.publish(Topics.ALERTS, AlertCode.MODEL_ERRORS.name(), alert);
            Log.errorf("alert: %s", alert.message());
        });
    }
}
