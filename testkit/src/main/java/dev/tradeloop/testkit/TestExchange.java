package dev.tradeloop.testkit;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tradeloop.exchange.ExchangeEnvironment;
import dev.tradeloop.exchange.auth.ApiCredentials;
import dev.tradeloop.exchange.auth.KeyFiles;
import dev.tradeloop.exchange.auth.PemPrivateKeys;
import dev.tradeloop.exchange.rest.KalshiClient;
import dev.tradeloop.exchange.rest.RateLimits;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The project's exchange simulator, started once per test JVM as a process of its own (the packaged
 * {@code exchange-sim}), speaking the real Kalshi API. It has three accounts: the trader a service
 * under test signs as ({@link #serviceConfig()}), a maker the test uses to put liquidity in a book
 * ({@link #maker()}), and another trader whose trades make a market's volume ({@link #other()}).
 */
public final class TestExchange {

    private static final Duration START = Duration.ofSeconds(120);
    private static TestExchange instance;

    private final ServiceProcess process;
    private final String traderKeyId;
    private final Path traderKeyFile;
    private final KalshiClient maker;
    private final KalshiClient trader;
    private final KalshiClient other;

    private TestExchange(ServiceProcess process, String traderKeyId, Path traderKeyFile, KalshiClient maker,
            KalshiClient trader, KalshiClient other) {
        this.process = process;
        this.traderKeyId = traderKeyId;
        this.traderKeyFile = traderKeyFile;
        this.maker = maker;
        this.trader = trader;
        this.other = other;
    }

    /** The simulator of this JVM, started on first use. */
    public static synchronized TestExchange get() {
        if (instance == null) {
            instance = start();
            Runtime.getRuntime().addShutdownHook(new Thread(instance.process::stop, "test-exchange-stop"));
        }
        return instance;
    }

    private static TestExchange start() {
        try {
            Path home = Files.createTempDirectory("tradeloop-test-exchange");
            Path publicKeys = home.resolve("sim-keys");
            Path traderKey = home.resolve("trader.key.pem");
            String traderKeyId = KeyFiles.newPaperKey(traderKey, publicKeys);
            Path makerKey = home.resolve("maker.key.pem");
            String makerKeyId = KeyFiles.newPaperKey(makerKey, publicKeys);
            Path otherKey = home.resolve("other.key.pem");
            String otherKeyId = KeyFiles.newPaperKey(otherKey, publicKeys);
            Map<String, String> config = new HashMap<>(Map.of(
                    "tradeloop.sim.keys-dir", publicKeys.toString(),
                    "tradeloop.sim.seed-markets", "false",
                    "tradeloop.sim.starting-balance", "10000.00"));
            ServiceProcess process = ServiceProcess.start(projectRoot(), "exchange-sim", config).awaitHealthy(START);
            ExchangeEnvironment environment = ExchangeEnvironment.at(process.uri("/trade-api/v2"));
            return new TestExchange(process, traderKeyId, traderKey, client(environment, makerKeyId, makerKey),
                    client(environment, traderKeyId, traderKey), client(environment, otherKeyId, otherKey));
        } catch (IOException e) {
            throw new UncheckedIOException("could not prepare the test exchange", e);
        }
    }

    private static KalshiClient client(ExchangeEnvironment environment, String keyId, Path keyFile) {
        return new KalshiClient(environment, Optional.of(new ApiCredentials(keyId, PemPrivateKeys.read(keyFile))),
                RateLimits.PRIME, Duration.ofSeconds(5), Clock.systemUTC());
    }

    static Path projectRoot() {
        return Path.of(System.getProperty("tradeloop.root", "..")).toAbsolutePath().normalize();
    }

    /** The base URL of the simulator's REST API ({@code .../trade-api/v2}). */
    public URI restBase() {
        return process.uri("/trade-api/v2");
    }

    /** What a service needs to trade on this exchange as the trader. */
    public Map<String, String> serviceConfig() {
        return Map.of(
                "tradeloop.exchange.env", restBase().toString(),
                "tradeloop.exchange.key-id", traderKeyId,
                "tradeloop.exchange.key-file", traderKeyFile.toString());
    }

    /** The maker account: places the resting orders a test's trades meet. */
    public KalshiClient maker() {
        return maker;
    }

    /** The trader account, for a test to look at what the service under test did. */
    public KalshiClient trader() {
        return trader;
    }

    /** Another trader in the market, whose trades give a market volume without touching the trader's account. */
    public KalshiClient other() {
        return other;
    }

    /** An account of a test's own: its key, a client that signs with it, and the config a service trades with. */
    public record Account(String keyId, Path keyFile, KalshiClient client, Map<String, String> serviceConfig) {
    }

    /** Opens a new account on the simulator, with the starting balance and a key of its own. */
    public Account newAccount() {
        try {
            Path home = Files.createTempDirectory("tradeloop-test-account");
            Path keyFile = home.resolve("account.key.pem");
            String keyId = KeyFiles.newPaperKey(keyFile, home);
            String pem = Files.readString(home.resolve(keyId + ".pub.pem"));
            String body = new ObjectMapper().writeValueAsString(Map.of("key_id", keyId, "public_key_pem", pem));
            admin("/sim/admin/accounts", body);
            return new Account(keyId, keyFile, client(ExchangeEnvironment.at(restBase()), keyId, keyFile), Map.of(
                    "tradeloop.exchange.env", restBase().toString(),
                    "tradeloop.exchange.key-id", keyId,
                    "tradeloop.exchange.key-file", keyFile.toString()));
        } catch (IOException e) {
            throw new UncheckedIOException("could not open a test account", e);
        }
    }

    /** Lists a new market on the simulator, open now and closing at {@code closeTime}. */
    public void listMarket(String ticker, String eventTicker, Instant closeTime) {
        String body = "{\"ticker\":\"" + ticker + "\",\"event_ticker\":\"" + eventTicker + "\",\"close_time\":\""
                + closeTime + "\"}";
        admin("/sim/admin/markets", body);
    }

    /** Lists a market whose series charges {@code feeType} times {@code feeMultiplier} (a JSON number). */
    public void listMarket(String ticker, String eventTicker, Instant closeTime, String feeType, String feeMultiplier) {
        admin("/sim/admin/markets", "{\"ticker\":\"" + ticker + "\",\"event_ticker\":\"" + eventTicker
                + "\",\"close_time\":\"" + closeTime + "\",\"fee_type\":\"" + feeType + "\",\"fee_multiplier\":"
                + feeMultiplier + "}");
    }

    /**
     * Moves a bid of the simulator's own between the YES prices {@code low} and {@code high} of
     * {@code ticker}, {@code moves} times (each a change of the top of the book on the feed, both
     * prices being above the best bid); answers how long the simulator took, in seconds (a duration for a
     * benchmark's figure, not money: a double is fine).
     */
    public double flicker(String ticker, int moves, String low, String high) {
        String body = "{\"count\":" + moves + ",\"low\":\"" + low + "\",\"high\":\"" + high + "\"}";
        try {
            return new ObjectMapper().readTree(adminAnswer("/sim/admin/markets/" + ticker + "/flicker", body))
                    .path("seconds").asDouble();
        } catch (IOException e) {
            throw new UncheckedIOException("the flicker's answer is not JSON", e);
        }
    }

    /** Settles a market: {@code winner}'s contracts pay $1.00. */
    public void settle(String ticker, dev.tradeloop.events.Side winner) {
        admin("/sim/admin/markets/" + ticker + "/settle", "{\"result\":\"" + winner.name().toLowerCase(java.util.Locale.ROOT)
                + "\"}");
    }

    /** The exchange pauses the market (Kalshi's {@code inactive}): no order is taken, cancels are. */
    public void pause(String ticker) {
        admin("/sim/admin/markets/" + ticker + "/pause", "{}");
    }

    /** The exchange reactivates a paused market (its resting orders are cancelled). */
    public void resume(String ticker) {
        admin("/sim/admin/markets/" + ticker + "/resume", "{}");
    }

    /** Arms a fault, as {@code POST /sim/admin/faults} takes it. */
    public void armFault(String json) {
        admin("/sim/admin/faults", json);
    }

    /** Disarms every fault ({@code DELETE /sim/admin/faults}). */
    public void clearFaults() {
        try {
            HttpResponse<String> answer = process.delete("/sim/admin/faults");
            if (answer.statusCode() / 100 != 2) {
                throw new IllegalStateException("DELETE /sim/admin/faults answered " + answer.statusCode());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("DELETE /sim/admin/faults failed", e);
        }
    }

    private void admin(String path, String body) {
        adminAnswer(path, body);
    }

    private String adminAnswer(String path, String body) {
        try {
            HttpResponse<String> answer = process.post(path, body);
            if (answer.statusCode() / 100 != 2) {
                throw new IllegalStateException("POST " + path + " answered " + answer.statusCode() + ": " + answer.body());
            }
            return answer.body();
        } catch (IOException e) {
            throw new UncheckedIOException("POST " + path + " failed", e);
        }
    }
}
