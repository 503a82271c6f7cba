package dev.tradeloop.support;

import dev.tradeloop.exchange.ExchangeEnvironment;
import dev.tradeloop.exchange.auth.ApiCredentials;
import dev.tradeloop.exchange.auth.InvalidCredentialsException;
import dev.tradeloop.exchange.rest.KalshiClient;
import dev.tradeloop.exchange.rest.RateLimits;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;

/**
 * Makes the exchange client of a service that talks to the exchange, from {@link ExchangeConfig}.
 * Every setting is checked when the service starts: a wrong one stops it with the key named.
 */
@ApplicationScoped
public class ExchangeConnection {

    @Produces
    @Singleton
    ExchangeEnvironment environment(ExchangeConfig config) {
        String env = config.env();
        try {
            return ExchangeEnvironment.of(env, config.iMeanProduction());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("tradeloop.exchange.env: " + e.getMessage(), e);
        }
    }

    @Produces
    @Singleton
    ApiCredentials credentials(ExchangeConfig config) {
        try {
            return ApiCredentials.resolve(config.keyId(), config.keyFile(), System.getenv())
                    .orElseThrow(() -> new IllegalStateException("tradeloop.exchange.key-id is not set (nor "
                            + ApiCredentials.KEY_ID_VARIABLE + "): the exchange needs an API key"));
        } catch (InvalidCredentialsException e) {
            throw new IllegalStateException("tradeloop.exchange.key-file: " + e.getMessage(), e);
        }
    }

    @Produces
    @Singleton
    KalshiClient client(ExchangeConfig config, ExchangeEnvironment environment, ApiCredentials credentials,
            Clock clock) {
        RateLimits tier;
        try {
            tier = RateLimits.valueOf(config.tier().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("tradeloop.exchange.tier: '" + config.tier()
                    + "' is not one of basic, advanced, premier, prime", e);
        }
        return new KalshiClient(environment, Optional.of(credentials), tier, config.timeout(), clock);
    }
}
