package dev.tradeloop.portfolio.projection;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Not ready while the database refuses the projection's writes: what is shown would be falling behind. */
@Readiness
@ApplicationScoped
public class ProjectionHealthCheck implements HealthCheck {

    private final ProjectionFeed feed;

    public ProjectionHealthCheck(ProjectionFeed feed) {
        this.feed = feed;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("projection").status(feed.healthy()).build();
    }
}
