package dev.tradeloop.sim.config;

import dev.tradeloop.sim.exchange.SimExchange;
import dev.tradeloop.sim.exchange.SimMarket;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Lists a few markets at start so a fresh simulator has something to show and trade, until a
 * scenario says otherwise ({@code tradeloop.sim.seed-markets=false} turns it off).
 */
@ApplicationScoped
public class DefaultMarkets {

    private final SimExchange exchange;
    private final Clock clock;
    private final boolean seed;

    public DefaultMarkets(SimExchange exchange, Clock clock, SimConfig config) {
        this.exchange = exchange;
        this.clock = clock;
        this.seed = config.seedMarkets() && config.scenario().isEmpty();
    }

    void onStart(@Observes StartupEvent start) {
        if (!seed) {
            return;
        }
        Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        list(new SimMarket("KXPAPER-HIGHNY-T52", "KXPAPER-HIGHNY", "Paper: NYC high above 52°F today?",
                now, now.plus(Duration.ofHours(24))));
        list(new SimMarket("KXPAPER-HIGHNY-T56", "KXPAPER-HIGHNY", "Paper: NYC high above 56°F today?",
                now, now.plus(Duration.ofHours(24))));
        list(new SimMarket("KXPAPER-CPI-T3.0", "KXPAPER-CPI", "Paper: CPI above 3.0%?",
                now, now.plus(Duration.ofHours(48))));
    }

    /** Lists a market unless the exchange, restored from its store, has it already. */
    private void list(SimMarket market) {
        if (!exchange.hasMarket(market.ticker())) {
            exchange.addMarket(market);
        }
    }
}
