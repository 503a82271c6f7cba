package dev.tradeloop.support;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/** Not ready once a thread or a channel the service lives by has stopped ({@link Workers}). */
@Readiness
@ApplicationScoped
public class WorkersHealthCheck implements HealthCheck {

    private final Workers workers;

    public WorkersHealthCheck(Workers workers) {
        this.workers = workers;
    }

    @Override
    public HealthCheckResponse call() {
        Map<String, String> stopped = workers.stopped();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("workers").status(stopped.isEmpty());
        stopped.forEach(response::withData);
        return response.build();
    }
}
