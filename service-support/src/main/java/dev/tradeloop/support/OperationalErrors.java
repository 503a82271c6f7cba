package dev.tradeloop.support;

import dev.tradeloop.events.OperationalError;
import dev.tradeloop.events.OperationalError.ErrorKind;
import dev.tradeloop.events.Topics;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Reports an exchange or database failure on {@code operational-errors}, where risk-service counts
 * them against its breakers. Reporting never throws: a failure to report is logged, and the caller
 * goes on handling the failure it had.
 */
@ApplicationScoped
public class OperationalErrors {

    private final EventPublisher publisher;
    private final String source;
    private final Clock clock;

    public OperationalErrors(EventPublisher publisher,
            @ConfigProperty(name = "quarkus.application.name") String source, Clock clock) {
        this.publisher = publisher;
        this.source = source;
        this.clock = clock;
    }

    public void report(ErrorKind kind, String operation, String detail, String correlationId) {
        OperationalError error = new OperationalError(UUID.randomUUID(), Instant.now(clock), correlationId, kind,
                source, operation, detail == null || detail.isBlank() ? "(no detail)" : detail);
        Log.warnf("%s error in %s: %s correlationId=%s", kind, operation, error.detail(), correlationId);
        try {
            publisher.publish(Topics.OPERATIONAL_ERRORS, source, error);
        } catch (RuntimeException e) {
            Log.errorf("could not report the %s error of %s: %s", kind, operation, e.getMessage());
        }
    }
}
