package dev.tradeloop.edge.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** When model errors become an alert. */
@ConfigMapping(prefix = "tradeloop.edge")
public interface EdgeConfig {

    /** This many model errors within {@link #modelErrorWindow()} raise an alert. */
    @WithDefault("5")
    int modelErrorThreshold();

    /** The window model errors are counted in. */
    @WithDefault("10m")
    Duration modelErrorWindow();
}
