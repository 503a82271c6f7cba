package dev.tradeloop.order.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How order-service watches its orders and the account. */
@ConfigMapping(prefix = "tradeloop.orders")
public interface OrderConfig {

    /** How often the account's balance is read from the exchange and published. */
    @WithDefault("30s")
    Duration balanceInterval();

    /** How long to wait before trying an execution again when the exchange cannot be reached. */
    @WithDefault("5s")
    Duration retryAfter();

    /**
     * How often the ledger is searched for unfinished entries that no instance works (left by one that
     * stopped or died), to resume them here.
     */
    @WithDefault("5s")
    Duration resumeEvery();
}
