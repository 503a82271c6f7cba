package dev.tradeloop.ledger;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How orders on the exchange are watched while they rest. */
@ConfigMapping(prefix = "tradeloop.ledger")
public interface LedgerConfig {

    /** How often a resting order is looked at while it waits for its fill. */
    @WithDefault("250ms")
    Duration pollInterval();
}
