package dev.tradeloop.edge.marketdata;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Not ready while the exchange's market feed is down: without it no tick is true for long. */
@Readiness
@ApplicationScoped
public class MarketFeedHealthCheck implements HealthCheck {

    private final MarketDataFeed marketData;

    public MarketFeedHealthCheck(MarketDataFeed marketData) {
        this.marketData = marketData;
    }

    @Override
    public HealthCheckResponse call() {
        return marketData.feedLive()
                .map(live -> HealthCheckResponse.named("market-feed").status(live)
                        .withData("reason", live ? "connected and subscribed" : "the WebSocket feed is reconnecting or "
                                + "resubscribing")
                        .build())
                .orElseGet(() -> HealthCheckResponse.named("market-feed").up()
                        .withData("reason", "this instance reads no market data").build());
    }
}
