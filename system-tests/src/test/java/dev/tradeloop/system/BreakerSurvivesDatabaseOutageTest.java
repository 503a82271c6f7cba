package dev.tradeloop.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradeloop.events.BreakerName;
import dev.tradeloop.events.BreakerState;
import dev.tradeloop.events.OperationalError;
import dev.tradeloop.events.OperationalError.ErrorKind;
import dev.tradeloop.events.Topics;
import dev.tradeloop.events.TradingMode;
import dev.tradeloop.events.TradingState;
import dev.tradeloop.events.json.EventCodec;
import dev.tradeloop.testkit.ServiceProcess;
import dev.tradeloop.testkit.TestKafka;
import dev.tradeloop.testkit.TestPostgres;
import dev.tradeloop.testkit.TopicReader;
import dev.tradeloop.testkit.TradeloopInfrastructure;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * PostgreSQL fails, so the database breaker trips and cannot be stored; risk-service is killed
 * and started again once the database is back: trading stays HALTED (the trip was published, and
 * the start keeps the more restrictive of the log and the database), and the trip is stored then.
 */
@ExtendWith(TradeloopInfrastructure.class)
class BreakerSurvivesDatabaseOutageTest {

    private static final Duration DEADLINE = Duration.ofSeconds(60);
    private final EventCodec<TradingState> codec = Topics.TRADING_STATE.codec();

    @Test
    void a_database_breaker_tripped_during_an_outage_is_still_open_after_a_restart() throws Exception {
        TestKafka kafka = TestKafka.get();
        Stack stack = new Stack("breaker_outage");
        Instant trippedAt;
        try (TopicReader<TradingState> states = kafka.reader(Topics.TRADING_STATE)) {
            ServiceProcess risk = stack.start("risk-service");
            try (AutoCloseable outage = TestPostgres.get().outage(stack.jdbcUrl(), "risk_service")) {
                for (int i = 0; i < 4; i++) {
                    kafka.produce(Topics.OPERATIONAL_ERRORS, "order-service", new OperationalError(UUID.randomUUID(),
                            Instant.now(), "test-db-" + i, ErrorKind.DATABASE, "order-service", "record a fill",
                            "connection refused"));
                }
                TradingState halted = states.await(s -> open(s, BreakerName.DATABASE), DEADLINE);
                assertThat(halted.mode()).isEqualTo(TradingMode.HALTED);
                trippedAt = breaker(halted, BreakerName.DATABASE).trippedAt().orElseThrow();
                assertThat(databaseBreakerStoredOpen(stack)).isFalse();
                risk.kill();
            }

            try (ServiceProcess restarted = stack.start("risk-service")) {
                TradingState atStart = codec.decode(restarted.get("/risk/state").body()
                        .getBytes(StandardCharsets.UTF_8));
                assertThat(atStart.mode()).isEqualTo(TradingMode.HALTED);
                assertThat(breaker(atStart, BreakerName.DATABASE).trippedAt()).contains(trippedAt);
                Awaitility.await("the trip to be stored now that the database answers").atMost(DEADLINE)
                        .until(() -> databaseBreakerStoredOpen(stack));

                HttpResponse<String> reset = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        restarted.uri("/risk/breakers/DATABASE/reset")).POST(HttpRequest.BodyPublishers.noBody())
                        .header("X-Operator-Token", Stack.OPERATOR_TOKEN).header("X-Operator", "system-test").build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(reset.statusCode()).isEqualTo(200);
                assertThat(codec.decode(reset.body().getBytes(StandardCharsets.UTF_8)).mode())
                        .isEqualTo(TradingMode.ACTIVE);
            }
        } finally {
            // the tests of this JVM share one trading-state topic: leave it with every breaker closed
            Stack.publishActiveState();
        }
    }

    private static boolean databaseBreakerStoredOpen(Stack stack) throws SQLException {
        String url = stack.jdbcUrl();
        try (Connection connection = TestPostgres.get().superuserConnection(url.substring(url.lastIndexOf('/') + 1));
                Statement select = connection.createStatement();
                ResultSet row = select.executeQuery("SELECT open FROM risk.breaker_state WHERE name = 'DATABASE'")) {
            return row.next() && row.getBoolean(1);
        }
    }

    private static boolean open(TradingState state, BreakerName name) {
        return breaker(state, name).open();
    }

    private static BreakerState breaker(TradingState state, BreakerName name) {
        return state.breakers().stream().filter(b -> b.name() == name).findFirst().orElseThrow();
    }
}
