package dev.tradeloop.sim.config;

import dev.tradeloop.sim.exchange.ExchangeStore;
import dev.tradeloop.sim.exchange.SimExchange;
import dev.tradeloop.sim.store.PostgresExchangeStore;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;

/** The simulator's single exchange, the store that keeps it, and the clock it runs on. */
@ApplicationScoped
public class SimBeans {

    @Produces
    @ApplicationScoped
    Clock clock() {
        return Clock.systemUTC();
    }

    @Produces
    @ApplicationScoped
    ExchangeStore store(SimConfig config) {
        SimConfig.Store store = config.store();
        if (store.url().isEmpty()) {
            Log.info("the exchange lives in memory (tradeloop.sim.store.url is not set): a restart forgets it");
            return ExchangeStore.IN_MEMORY;
        }
        try {
            PostgresExchangeStore kept = PostgresExchangeStore.open(store.url().get(), store.user(), store.password());
            Log.infof("the exchange is kept in %s (schema sim)", store.url().get());
            return kept;
        } catch (IllegalStateException e) {
            throw new IllegalStateException("tradeloop.sim.store.url: " + e.getMessage(), e);
        }
    }

    void close(@Disposes ExchangeStore store) {
        if (store instanceof PostgresExchangeStore kept) {
            kept.close();
        }
    }

    @Produces
    @ApplicationScoped
    SimExchange exchange(Clock clock, ExchangeStore store) {
        return new SimExchange(clock, store);
    }
}
