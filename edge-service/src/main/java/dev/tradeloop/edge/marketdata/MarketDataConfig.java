package dev.tradeloop.edge.marketdata;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Which markets edge-service watches on the exchange, and how often it looks for new ones. */
@ConfigMapping(prefix = "tradeloop.market-data")
public interface MarketDataConfig {

    /** Read the exchange's market data into {@code price-ticks}; one instance of a deployment does it. */
    @WithDefault("true")
    boolean enabled();

    /** Watch only the open markets of these series (Kalshi's {@code series_ticker}, comma-separated); all if unset. */
    Optional<java.util.List<String>> series();

    /**
     * A watched market heard nothing of (no book, no ticker message) for this long is resynchronised
     * from a REST snapshot and a fresh WebSocket snapshot, and counted in {@code tradeloop.market.resyncs}.
     */
    @WithDefault("60s")
    Duration staleAfter();

    /**
     * At most this many markets in one WebSocket subscription; more are spread over several. If the
     * exchange refuses a subscription for its own limit (error 26), the feed halves the size itself.
     */
    @WithDefault("100")
    @io.smallrye.config.WithName("markets-per-subscription")
    int marketsPerSubscription();

    /** How often the open markets are listed again, to watch new ones and drop closed ones. */
    @WithDefault("60s")
    Duration refresh();
}
