package dev.tradeloop.exit.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How exit-service works its exits. */
@ConfigMapping(prefix = "tradeloop.exits")
public interface ExitConfig {

    /** How often a "market" (immediate-or-cancel) order is tried before the exit fails and an alert goes out. */
    @WithDefault("10")
    int marketTries();

    /** How many exits are worked at once (each waits for its fills a while). */
    @WithDefault("8")
    int workers();

    /** How long to wait before trying an exit again when the exchange or the database cannot be reached. */
    @WithDefault("5s")
    Duration retryAfter();

    /**
     * How often the ledger is searched for unfinished exits that no instance works (left by one that
     * stopped or died), to resume them here.
     */
    @WithDefault("5s")
    Duration resumeEvery();
}
