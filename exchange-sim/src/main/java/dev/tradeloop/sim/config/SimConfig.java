package dev.tradeloop.sim.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The simulator's settings. */
@ConfigMapping(prefix = "tradeloop.sim")
public interface SimConfig {

    /** A directory of PEM public keys, one per account, each file named {@code <key-id>.pub.pem}. */
    Optional<String> keysDir();

    /**
     * The accounts' API usage tier, whose rate limits the simulator enforces and
     * {@code GET /account/limits} reports (Kalshi's tiers: basic, advanced, expert, premier, paragon,
     * prime, prestige). A new Kalshi account is basic.
     */
    @WithDefault("basic")
    String usageTier();

    /** The cash each registered account starts with on exchange shard 0, in dollars. */
    @WithDefault("10000.00")
    String startingBalance();

    /**
     * Cash each registered account also starts with on other shards, each {@code SHARD:DOLLARS},
     * e.g. {@code 2:2000.00} (collateral is per shard: an order on a shard-2 market is paid from it).
     */
    Optional<List<String>> shardStartingBalances();

    /** The scenario to play at start: a file path, or {@code classpath:scenarios/NAME.json}. */
    Optional<String> scenario();

    /**
     * When the scenario starts playing (its clock, its markets' open and close times):
     * {@code false} at start-up; {@code true} when {@code POST /sim/admin/scenario/start} says so,
     * as {@code ./tradeloop up} does once every service is up, so the story is seen from its start.
     */
    @WithDefault("false")
    boolean scenarioWaitsForStart();

    /** Publish the scenario model's predictions to the {@code predictions} topic (needs Kafka). */
    @WithDefault("false")
    boolean modelFeed();

    /**
     * Faults armed at start, each {@code KIND:operation:count[:delay-ms]}, e.g.
     * {@code RATE_LIMIT:create:3,RESPONSE_LOST:create:1:3000}; the admin endpoint arms more later.
     */
    Optional<List<String>> faults();

    /** List a few markets at start when no scenario is played. */
    @WithDefault("true")
    boolean seedMarkets();

    /** Where the exchange is kept so that it survives a restart; without a URL it lives in memory. */
    Store store();

    /** The PostgreSQL database that keeps the exchange (schema {@code sim}). */
    interface Store {
        /** A JDBC URL, e.g. {@code jdbc:postgresql://127.0.0.1:5433/postgres}; unset: in memory only. */
        Optional<String> url();

        /** The simulator's own role, which owns the schema {@code sim} and nothing else. */
        @WithDefault("exchange_sim")
        String user();

        Optional<String> password();
    }

    /**
     * How many markets one WebSocket subscription may hold; more is refused with error 26. Kalshi
     * does not publish its limit: this one is small enough that a client's chunking is exercised.
     */
    @WithDefault("100")
    int feedMarketLimit();

    /** How far a request's timestamp may be from the simulator's clock before it is refused as stale. */
    @WithDefault("30s")
    Duration clockSkew();
}
