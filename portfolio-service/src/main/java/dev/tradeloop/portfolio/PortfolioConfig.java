package dev.tradeloop.portfolio;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;

/** portfolio-service's settings; a bad value stops start-up with a message naming the key. */
@ConfigMapping(prefix = "tradeloop.portfolio")
public interface PortfolioConfig {

    /** risk-service, where the dashboard's operator actions (breaker reset, kill switch) are sent. */
    @WithDefault("http://127.0.0.1:8102")
    URI riskUrl();

    /**
     * The exchange the loop trades on, as the services are told it ({@code sim}, {@code demo},
     * {@code prod} or a base URL): the dashboard shows it, and says when it is real money.
     */
    @WithDefault("sim")
    String exchange();

    /** How long an operator action waits for risk-service. */
    @WithDefault("5s")
    Duration riskTimeout();
}
