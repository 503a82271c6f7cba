package dev.tradeloop.support;

import dev.tradeloop.events.Alert;
import dev.tradeloop.events.AlertCode;
import dev.tradeloop.events.AlertSeverity;
import dev.tradeloop.events.Topics;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Raises an alert on {@code alerts}, for a person to see; a failure to raise it is logged, never thrown. */
@ApplicationScoped
public class Alerts {

    private final EventPublisher publisher;
    private final String source;
    private final Clock clock;

    public Alerts(EventPublisher publisher, @ConfigProperty(name = "quarkus.application.name") String source,
            Clock clock) {
        this.publisher = publisher;
        this.source = source;
        this.clock = clock;
    }

    public void raise(AlertSeverity severity, AlertCode code, String message, String correlationId,
            Optional<String> positionId, Optional<String> marketTicker) {
        Instant now = clock.instant();
        Alert alert = new Alert(UUID.randomUUID(), now, correlationId, severity, code, source, message, positionId,
                marketTicker);
        Log.warnf("alert %s %s: %s correlationId=%s", severity, code, message, correlationId);
        try {
            publisher.publish(Topics.ALERTS, code.name(), alert);
        } catch (RuntimeException e) {
            Log.errorf("could not raise the %s alert: %s", code, e.getMessage());
        }
    }
}
