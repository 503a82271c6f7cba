package dev.tradeloop.monitor.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The monitor's own settings; the cadences and thresholds are the methods'. */
@ConfigMapping(prefix = "tradeloop.monitor")
public interface MonitorConfig {

    /** An open position with no evaluation for this long raises a MONITOR_STALE alert. */
    @WithDefault("2m")
    Duration staleAfter();

    /**
     * A stream task holding open positions that has gone over none of them for this long has stopped:
     * the monitor fails its liveness check and raises a CRITICAL MONITOR_STALLED alert.
     */
    @WithDefault("2m")
    Duration stallAfter();
}
