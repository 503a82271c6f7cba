package dev.tradeloop.support;

import jakarta.enterprise.context.ApplicationScoped;
import dev.tradeloop.events.Topics;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Not ready until the trading state is known: a service that does not know it must not trade. */
@Readiness
@ApplicationScoped
public class TradingStateHealthCheck implements HealthCheck {

    private final TradingStateFollower follower;

    public TradingStateHealthCheck(TradingStateFollower follower) {
        this.follower = follower;
    }

    @Override
    public HealthCheckResponse call() {
        return follower.current()
                .map(state -> HealthCheckResponse.named("trading-state").up()
                        .withData("mode", state.mode().name())
                        .withData("flattenAll", state.flattenAll())
                        .withData("since", state.occurredAt().toString()).build())
                .orElseGet(() -> HealthCheckResponse.named("trading-state").down()
                        .withData("reason", "no trading state read yet from " + Topics.TRADING_STATE.name()).build());
    }
}
