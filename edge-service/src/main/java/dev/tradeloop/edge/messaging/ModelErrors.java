package dev.tradeloop.edge.messaging;

import dev.tradeloop.edge.ModelErrorWatch;
import dev.tradeloop.events.AlertCode;
import dev.tradeloop.events.AlertSeverity;
import dev.tradeloop.support.Alerts;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/** Records each model error and, when the watch says so, raises a MODEL_ERRORS alert. */
@ApplicationScoped
public class ModelErrors {

    private final ModelErrorWatch watch;
    private final Alerts alerts;
    private final Clock clock;

    public ModelErrors(ModelErrorWatch watch, Alerts alerts, Clock clock) {
        this.watch = watch;
        this.alerts = alerts;
        this.clock = clock;
    }

    public void record(String marketTicker, String why) {
        Instant now = clock.instant();
        Log.warnf("model error on %s: %s", marketTicker, why);
        watch.record(now).ifPresent(count -> alerts.raise(AlertSeverity.WARNING, AlertCode.MODEL_ERRORS,
                count + " model errors in the last window; the latest, on " + marketTicker + ": " + why,
                "model-errors-" + now.toEpochMilli(), Optional.empty(), Optional.of(marketTicker)));
    }
}
