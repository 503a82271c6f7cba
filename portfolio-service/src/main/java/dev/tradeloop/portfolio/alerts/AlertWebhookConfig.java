package dev.tradeloop.portfolio.alerts;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/** Where alerts go to a person, and how hard to try; a bad value stops start-up naming the key. */
@ConfigMapping(prefix = "tradeloop.alerts")
public interface AlertWebhookConfig {

    /** An incoming webhook (Slack- or Discord-style, or any JSON receiver); unset: alerts are not sent. */
    Optional<URI> webhookUrl();

    /** An alert with the same code, about the same position or market, within this window is not sent again. */
    @WithDefault("10m")
    Duration dedupWindow();

    /** Sends tried before an alert is given up (FAILED, logged as an error). */
    @WithDefault("8")
    int maxAttempts();

    /** The wait after the first failed send; it doubles after each, up to a minute. */
    @WithDefault("1s")
    Duration firstRetry();

    /** An alert older than this when it is read (a replay of the log) is not sent. */
    @WithDefault("1h")
    Duration maxAge();
}
