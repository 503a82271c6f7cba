package dev.tradeloop.containers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tradeloop.testkit.DefaultScenario;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.ComposeContainer;

/**
 * docker-compose.yml as a user runs it, on the images this build made with Jib: Kafka with SASL/SCRAM
 * and ACLs, PostgreSQL with a role per service, the simulator playing the default scenario, every
 * service. The scenario's five markets are entered and each position closes by the exit its market
 * was scripted for, as {@code TradeloopScriptTest} sees on the local stack.
 */
class ComposeStackTest {

    private static final Path ROOT = Path.of(System.getProperty("tradeloop.root", "..")).toAbsolutePath().normalize();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final Map<String, String> INTENDED_EXITS = DefaultScenario.INTENDED_EXITS;

    private static ComposeContainer compose;

    @BeforeAll
    static void up() throws Exception {
        Process keys = new ProcessBuilder(ROOT.resolve("tradeloop").toString(), "keys").inheritIO().start();
        assertThat(keys.waitFor(5, TimeUnit.MINUTES) && keys.exitValue() == 0).as("./tradeloop keys wrote .env").isTrue();
        // the local `docker compose`, which reads .env beside the file; the tradeloop images are local, not pulled
        compose = new ComposeContainer(new File(ROOT.resolve("docker-compose.yml").toString()))
                .withPull(false)
                .withRemoveVolumes(true);
        compose.start();
    }

    @AfterAll
    static void down() {
        if (compose != null) {
            compose.stop();
        }
    }

    @Test
    void the_compose_file_trades_the_default_scenario_to_its_five_exits() {
        await("every service healthy").atMost(Duration.ofMinutes(5)).ignoreExceptions().until(() ->
                java.util.stream.IntStream.of(8100, 8101, 8102, 8103, 8104, 8105, 8106)
                        .allMatch(port -> status(port, "/q/health/ready") == 200));
        Map<String, String> exits = await("the five positions closed").atMost(Duration.ofMinutes(6))
                .pollInterval(Duration.ofSeconds(2)).ignoreExceptions()
                .until(ComposeStackTest::closedPositions, closed -> closed.keySet().containsAll(INTENDED_EXITS.keySet()));
        assertThat(exits).containsAllEntriesOf(INTENDED_EXITS);
    }

    /** Closed positions on the read side: market to exit reason. */
    private static Map<String, String> closedPositions() throws IOException, InterruptedException {
        Map<String, String> closed = new TreeMap<>();
        for (JsonNode position : JSON.readTree(get(8106, "/positions?status=CLOSED"))) {
            closed.put(position.path("marketTicker").asText(), position.path("exitReason").asText());
        }
        return closed;
    }

    private static int status(int port, String path) {
        try {
            return HTTP.send(request(port, path), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    private static String get(int port, String path) throws IOException, InterruptedException {
        return HTTP.send(request(port, path), HttpResponse.BodyHandlers.ofString()).body();
    }

    private static HttpRequest request(int port, String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(5)).build();
    }
}
