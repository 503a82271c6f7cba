package dev.tradeloop.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tradeloop.events.money.Contracts;
import dev.tradeloop.exchange.ExchangeEnvironment;
import dev.tradeloop.exchange.auth.ApiCredentials;
import dev.tradeloop.exchange.auth.PemPrivateKeys;
import dev.tradeloop.exchange.model.MarketPosition;
import dev.tradeloop.exchange.rest.KalshiClient;
import dev.tradeloop.exchange.rest.RateLimits;
import dev.tradeloop.testkit.DefaultScenario;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code ./tradeloop} itself, as a person runs it: {@code up --fresh}, the default scenario's five
 * entries, {@code down} in the middle of the story, {@code up} again. The paper exchange kept its
 * accounts, positions, orders and books in PostgreSQL and the scenario resumes where it stopped, so
 * the same five positions are still held on the exchange and in the monitor, and each one closes by
 * the exit its market was scripted for, with no reconciliation mismatch.
 */
class TradeloopScriptTest {

    private static final Path HOME = Stack.ROOT.resolve("system-tests/target/tradeloop-home");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final Map<String, String> INTENDED_EXITS = DefaultScenario.INTENDED_EXITS;

    @AfterEach
    void down() throws Exception {
        tradeloop("down");
    }

    @Test
    void down_in_the_middle_of_the_demo_and_up_again_carries_on_and_every_position_closes_by_its_exit()
            throws Exception {
        String firstUp = tradeloop("up", "--fresh");
        assertThat(firstUp).contains("the simulator's scenario started", "Tradeloop is up");
        // every part listens on loopback only: the broker, the database, the simulator and each service
        Map<Integer, java.util.Set<String>> listening = ListeningSockets.now();
        for (int port : new int[] {5433, 9092, 9093, 8100, 8101, 8102, 8103, 8104, 8105, 8106}) {
            assertThat(listening.get(port)).as("what port %d listens on", port).containsExactly("loopback");
        }

        // only a registered model may post a prediction, in its own name
        String prediction = "{\"marketTicker\":\"KXPAPER-CPI-T3.0\",\"probabilityYes\":\"0.99\","
                + "\"confidence\":\"0.99\",\"modelId\":\"sim-model\",\"modelVersion\":\"1\"}";
        assertThat(post(8101, "/predictions", prediction).statusCode()).isEqualTo(401);
        Files.deleteIfExists(HOME.resolve("keys/models")); // the keys stay between runs of this test; its model does not
        String added = tradeloop("model", "add", "script-test");
        String credential = added.replaceAll("(?s).*Authorization: Bearer (script-test:[0-9a-f]+).*", "$1");
        assertThat(post(8101, "/predictions", prediction, "Authorization", "Bearer " + credential).statusCode())
                .isEqualTo(403);
        assertThat(Files.readString(HOME.resolve("keys/models"))).doesNotContain(credential.substring(12));

        // the five entries: held in the monitor and on the exchange
        Map<String, String> held = await("the five entries").atMost(Duration.ofSeconds(60)).ignoreExceptions()
                .pollInterval(Duration.ofMillis(500)).until(TradeloopScriptTest::openInMonitor, open -> open.size() == 5);
        assertThat(held.keySet()).isEqualTo(INTENDED_EXITS.keySet());
        Map<String, String> positionIds = positionIdsInMonitor();
        KalshiClient exchange = paperAccount();
        assertThat(heldOnExchange(exchange)).isEqualTo(held);
        long secondAtStop = get(8100, "/sim/admin/scenario").path("elapsed_seconds").asLong();
        assertThat(secondAtStop).as("stopped before the story's first exit, at 20 s").isLessThan(20);

        tradeloop("down");
        String secondUp = tradeloop("up");

        // the exchange kept every position and the story resumes where it stopped;
        assertThat(secondUp).contains("the simulator's scenario resumed where it stopped");
        long resumedAt = Long.parseLong(secondUp.replaceAll("(?s).*\"resumed_at_second\":(\\d+).*", "$1"));
        assertThat(resumedAt).isBetween(secondAtStop, secondAtStop + 2);
        assertThat(heldOnExchange(exchange)).isEqualTo(held);
        // (the monitor answers once its stores are restored from their changelogs; a market's close time is
        // the wall clock's, so when going down and up took long, an exit may already be under way: what is
        // still open is what was held, and the five exits below say that none of the five was lost)
        assertThat(positionIds).containsAllEntriesOf(await("the monitor's positions").atMost(Duration.ofSeconds(60))
                .ignoreExceptions().pollInterval(Duration.ofMillis(500))
                .until(TradeloopScriptTest::positionIdsInMonitor, ids -> !ids.isEmpty()));
        assertThat(held).containsAllEntriesOf(openInMonitor());

        // each of the five closes by the exit its market was scripted for,
        Map<String, String> exits = await("the five positions closed").atMost(Duration.ofSeconds(180))
                .ignoreExceptions().pollInterval(Duration.ofSeconds(1))
                .until(() -> exitReasons(positionIds), reasons -> !reasons.containsValue("OPEN"));
        assertThat(exits).isEqualTo(INTENDED_EXITS);
        // and nothing was found out of step with the exchange.
        assertThat(get(8106, "/alerts").toString()).doesNotContain("RECONCILIATION_MISMATCH");
    }

    /** Runs {@code ./tradeloop ARGS} on a home of this test's own; returns what it printed, failing if it failed. */
    private static String tradeloop(String... args) throws IOException, InterruptedException {
        Files.createDirectories(HOME);
        Path output = Files.createTempFile("tradeloop", ".out");
        ProcessBuilder command = new ProcessBuilder(Stack.ROOT.resolve("tradeloop").toString());
        command.command().addAll(java.util.List.of(args));
        command.environment().put("TRADELOOP_HOME", HOME.toString());
        command.environment().put("TRADELOOP_UP_TIMEOUT", "240");
        Process process = command.redirectErrorStream(true).redirectOutput(output.toFile()).start();
        boolean ended = process.waitFor(5, TimeUnit.MINUTES);
        String printed = Files.readString(output);
        assertThat(ended).as("./tradeloop %s ended within 5 minutes: %s", String.join(" ", args), printed).isTrue();
        assertThat(process.exitValue()).as("./tradeloop %s: %s", String.join(" ", args), printed).isZero();
        return printed;
    }

    /** Open positions as the monitor holds them: market to count. */
    private static Map<String, String> openInMonitor() throws IOException, InterruptedException {
        return StreamSupport.stream(get(8104, "/positions?open=true").spliterator(), false)
                .collect(Collectors.toMap(p -> p.path("marketTicker").asText(),
                        p -> Contracts.parse(p.path("count").asText()).toString(), (a, b) -> a, TreeMap::new));
    }

    /** Positions the exchange holds for the paper account: market to count. */
    private static Map<String, String> heldOnExchange(KalshiClient exchange) {
        return exchange.positions(Optional.empty(), 100).items().stream()
                .filter(p -> Contracts.parse(p.positionFp().replace("-", "")).compareTo(Contracts.ZERO) > 0)
                .collect(Collectors.toMap(MarketPosition::ticker,
                        p -> Contracts.parse(p.positionFp().replace("-", "")).toString(), (a, b) -> a, TreeMap::new));
    }

    /** Open positions as the monitor holds them: market to position id. */
    private static Map<String, String> positionIdsInMonitor() throws IOException, InterruptedException {
        return StreamSupport.stream(get(8104, "/positions?open=true").spliterator(), false)
                .collect(Collectors.toMap(p -> p.path("marketTicker").asText(), p -> p.path("positionId").asText(),
                        (a, b) -> a, TreeMap::new));
    }

    /** Each position's exit reason on the read side, OPEN while it is open: market to reason. */
    private static Map<String, String> exitReasons(Map<String, String> positionIds)
            throws IOException, InterruptedException {
        Map<String, String> reasons = new TreeMap<>();
        for (Map.Entry<String, String> position : positionIds.entrySet()) {
            JsonNode shown = get(8106, "/positions/" + position.getValue()).path("position");
            reasons.put(position.getKey(), shown.path("status").asText().equals("CLOSED")
                    ? shown.path("exitReason").asText() : "OPEN");
        }
        return reasons;
    }

    private static KalshiClient paperAccount() throws IOException {
        String keyId = Files.readString(HOME.resolve("keys/paper.key-id")).strip();
        return new KalshiClient(ExchangeEnvironment.at(URI.create("http://127.0.0.1:8100/trade-api/v2")),
                Optional.of(new ApiCredentials(keyId, PemPrivateKeys.read(HOME.resolve("keys/paper.key.pem")))),
                RateLimits.PRIME, Duration.ofSeconds(5), Clock.systemUTC());
    }

    private static HttpResponse<String> post(int port, String path, String json, String... headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(5)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode get(int port, String path) throws IOException, InterruptedException {
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as("GET %s: %s", path, answer.body()).isEqualTo(200);
        return JSON.readTree(answer.body());
    }
}
