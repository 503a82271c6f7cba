package dev.tradeloop.support;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** Which exchange a service trades on, and with which key. */
@ConfigMapping(prefix = "tradeloop.exchange")
public interface ExchangeConfig {

    /** {@code sim}, {@code demo}, {@code prod}, or a base URL ending in {@code /trade-api/v2}. */
    @WithDefault("sim")
    String env();

    /** Must be true for {@code prod}: production trades real money. */
    @WithDefault("false")
    boolean iMeanProduction();

    /** The API key id; without it the service reads {@code KALSHI_API_KEY_ID}. */
    Optional<String> keyId();

    /** The RSA private key (PEM); without it the service reads {@code KALSHI_PRIVATE_KEY_PATH}. */
    Optional<Path> keyFile();

    /** How long one REST call may take before its outcome counts as unknown. */
    @WithDefault("5s")
    Duration timeout();

    /**
     * Kalshi's rate-limit tier of the key (basic, advanced, premier or prime): only used when the
     * account's own limits ({@code GET /account/limits}) cannot be read at start.
     */
    @WithDefault("basic")
    String tier();

    /**
     * This service's share of the account's read budget, in (0, 1]. Kalshi meters the account, so
     * the shares of the services that read (edge, order, exit) must add up to at most 1.
     */
    @WithDefault("0.3")
    java.math.BigDecimal readShare();

    /** This service's share of the account's write budget, in (0, 1]; the services' shares add up to at most 1. */
    @WithDefault("0.45")
    java.math.BigDecimal writeShare();
}
