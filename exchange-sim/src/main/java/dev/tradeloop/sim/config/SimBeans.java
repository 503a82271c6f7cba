package dev.tradeloop.sim.config;

import dev.tradeloop.sim.exchange.SimExchange;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;

/** The simulator's single exchange and the clock it runs on. */
@ApplicationScoped
public class SimBeans {

    @Produces
    @ApplicationScoped
    Clock clock() {
        return Clock.systemUTC();
    }

    @Produces
    @ApplicationScoped
    SimExchange exchange(Clock clock) {
        return new SimExchange(clock);
    }
}
