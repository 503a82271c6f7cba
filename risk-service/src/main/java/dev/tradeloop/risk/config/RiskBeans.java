package dev.tradeloop.risk.config;

import dev.tradeloop.risk.Breakers;
import dev.tradeloop.risk.Portfolio;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Makes risk-service's plain-Java state from its configuration. */
@ApplicationScoped
public class RiskBeans {

    @Produces
    @Singleton
    Breakers breakers(RiskConfig config) {
        return new Breakers(config.apiErrorLimit(), config.apiErrorWindow(), config.databaseErrorLimit(),
                config.databaseErrorWindow());
    }

    @Produces
    @Singleton
    Portfolio portfolio() {
        return new Portfolio();
    }
}
