package dev.tradeloop.support;

import dev.tradeloop.exchange.ExchangeEnvironment;
import dev.tradeloop.exchange.auth.ApiCredentials;
import dev.tradeloop.exchange.auth.InvalidCredentialsException;
import dev.tradeloop.exchange.model.AccountLimits;
import dev.tradeloop.exchange.rest.ExchangeException;
import dev.tradeloop.exchange.rest.KalshiClient;
import dev.tradeloop.exchange.rest.RateBudget;
import io.quarkus.logging.Log;
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

    /**
     * The client, paced to this service's share of the account's rate limits: read from the exchange
     * at start ({@code GET /account/limits}), or, when the exchange cannot be read then, the
     * configured tier's.
     */
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
        RateBudget account;
        try {
            AccountLimits limits = new KalshiClient(environment, Optional.of(credentials), tier, config.timeout(), clock)
                    .accountLimits();
            account = RateBudget.of(limits);
            Log.infof("the account's API tier is %s: reads %d tokens/s, writes %d tokens/s", limits.usageTier(),
                    limits.read().refillRate(), limits.write().refillRate());
        } catch (ExchangeException e) {
            account = RateBudget.of(tier);
            Log.warnf("cannot read the account's limits (%s): paced as tier %s", e.getMessage(), tier);
        }
        RateBudget mine;
        try {
            mine = account.share(config.readShare(), config.writeShare());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("tradeloop.exchange.read-share / write-share: " + e.getMessage(), e);
        }
        return new KalshiClient(environment, Optional.of(credentials), mine, config.timeout(), clock);
    }
}
