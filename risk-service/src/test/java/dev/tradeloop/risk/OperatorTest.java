package dev.tradeloop.risk;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tradeloop.events.Alert;
import dev.tradeloop.events.AlertCode;
import dev.tradeloop.events.BreakerName;
import dev.tradeloop.events.BreakerState;
import dev.tradeloop.events.Edge;
import dev.tradeloop.events.OperationalError;
import dev.tradeloop.events.RiskDecision;
import dev.tradeloop.events.RiskReason;
import dev.tradeloop.events.Topics;
import dev.tradeloop.events.TradingMode;
import dev.tradeloop.events.TradingState;
import dev.tradeloop.risk.persistence.BreakerRepository;
import dev.tradeloop.testkit.KafkaTestResource;
import dev.tradeloop.testkit.PostgresTestResource;
import dev.tradeloop.testkit.TestKafka;
import dev.tradeloop.testkit.TestPostgres;
import dev.tradeloop.testkit.TopicReader;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** The breakers and the kill switch: operators' REST with a token, the trading state they publish, the audit. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
class OperatorTest {

    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private static final String TOKEN = "test-operator-token";
    private final TestKafka kafka = TestKafka.get();

    @Inject
    BreakerRepository repository;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    private static boolean open(TradingState state, BreakerName name) {
        return state.breakers().stream().anyMatch(b -> b.name() == name && b.open());
    }

    @Test
    void without_the_token_or_with_a_wrong_one_nothing_changes() {
        TopicReader<Alert> alerts = kafka.reader(Topics.ALERTS);
        String missing = given().contentType(ContentType.JSON).body("{\"action\":\"HALT\"}")
                .when().post("/risk/kill-switch").then().statusCode(401).extract().jsonPath().getString("error");
        String wrong = given().header("X-Operator-Token", "guess").when().post("/risk/breakers/DAILY_LOSS/reset")
                .then().statusCode(401).extract().jsonPath().getString("error");

        assertThat(missing).isEqualTo("the operator token is missing: send it as X-Operator-Token");
        assertThat(wrong).isEqualTo("the operator token is wrong");
        assertThat(given().when().get("/risk/state").then().statusCode(200).extract().jsonPath().getString("mode"))
                .isEqualTo("ACTIVE");
        // even a body the endpoint could not read is refused for the token first
        given().contentType(ContentType.JSON).body("{broken").when().post("/risk/kill-switch").then().statusCode(401);
        // and the refusals are audited: an alert for a person (at most one a minute), which names what was tried
        Alert refused = alerts.await(alert -> alert.code() == AlertCode.OPERATOR_REFUSED, DEADLINE);
        assertThat(refused.message()).contains("POST /risk/kill-switch", "the operator token is missing");
        alerts.close();
    }

    @Test
    void bad_requests_say_what_is_wrong() {
        String action = given().header("X-Operator-Token", TOKEN).contentType(ContentType.JSON)
                .body("{\"action\":\"PANIC\"}").when().post("/risk/kill-switch")
                .then().statusCode(400).extract().jsonPath().getString("error");
        String breaker = given().header("X-Operator-Token", TOKEN).when().post("/risk/breakers/coffee/reset")
                .then().statusCode(404).extract().jsonPath().getString("error");

        assertThat(action).isEqualTo("action 'PANIC' is neither HALT nor FLATTEN");
        assertThat(breaker).startsWith("no breaker named 'coffee'");
    }

    @Test
    void the_kill_switch_halts_entries_until_an_operator_resets_it_and_both_are_audited() throws Exception {
        try (TopicReader<TradingState> states = kafka.reader(Topics.TRADING_STATE);
                TopicReader<RiskDecision> decisions = kafka.reader(Topics.RISK_DECISIONS)) {
            given().header("X-Operator-Token", TOKEN).header("X-Operator", "alice").contentType(ContentType.JSON)
                    .body("{\"action\":\"HALT\",\"reason\":\"model looks wrong\"}")
                    .when().post("/risk/kill-switch").then().statusCode(200);
            try {
                TradingState halted = states.await(s -> open(s, BreakerName.KILL_SWITCH), DEADLINE);
                assertThat(halted.mode()).isEqualTo(TradingMode.HALTED);
                assertThat(halted.flattenAll()).isFalse();
                assertThat(halted.breakers()).filteredOn(b -> b.name() == BreakerName.KILL_SWITCH)
                        .extracting(b -> b.reason().orElseThrow()).containsExactly("HALT: model looks wrong");

                RiskFixtures.reportBalance("10000.00");
                Edge edge = RiskFixtures.edge(RiskFixtures.market(), "0.64", "0.57");
                kafka.produce(Topics.EDGES, edge.marketTicker(), edge);
                RiskDecision rejected = decisions.await(d -> d.edgeEventId().equals(edge.eventId()), DEADLINE);
                assertThat(rejected.reasons()).containsExactly(RiskReason.TRADING_NOT_ACTIVE, RiskReason.BREAKER_OPEN);
            } finally {
                given().header("X-Operator-Token", TOKEN).header("X-Operator", "alice")
                        .when().post("/risk/breakers/kill-switch/reset").then().statusCode(200);
            }
            TradingState reset = states.await(s -> s.correlationId().equals("reset-KILL_SWITCH")
                    && !open(s, BreakerName.KILL_SWITCH), DEADLINE);
            assertThat(reset.mode()).isEqualTo(TradingMode.ACTIVE);
            assertThat(repository.auditOf(BreakerName.KILL_SWITCH)).endsWith("tripped by alice", "reset by alice");
        }
    }

    @Test
    void a_kill_switch_pulled_while_the_database_is_down_is_in_force_at_once_says_503_and_is_stored_once_it_is_back()
            throws Exception {
        try (TopicReader<TradingState> states = kafka.reader(Topics.TRADING_STATE)) {
            String refusal;
            try (AutoCloseable outage = TestPostgres.get().outage(jdbcUrl, "risk_service")) {
                refusal = given().header("X-Operator-Token", TOKEN).header("X-Operator", "bob")
                        .contentType(ContentType.JSON).body("{\"action\":\"HALT\",\"reason\":\"database is down\"}")
                        .when().post("/risk/kill-switch").then().statusCode(503).extract().jsonPath().getString("error");
                TradingState halted = states.await(s -> open(s, BreakerName.KILL_SWITCH), DEADLINE);
                assertThat(halted.mode()).isEqualTo(TradingMode.HALTED);
                assertThat(killSwitchStoredOpen()).isFalse();
            }
            assertThat(refusal).startsWith("the kill switch is in force (trading is HALTED) but could not be stored");

            Awaitility.await("the kill switch to be stored once the database is back").atMost(DEADLINE)
                    .until(this::killSwitchStoredOpen);
            assertThat(repository.auditOf(BreakerName.KILL_SWITCH)).endsWith("tripped by bob");
            given().header("X-Operator-Token", TOKEN).header("X-Operator", "bob")
                    .when().post("/risk/breakers/kill-switch/reset").then().statusCode(200);
            assertThat(states.await(s -> s.correlationId().equals("reset-KILL_SWITCH")
                    && !open(s, BreakerName.KILL_SWITCH), DEADLINE).mode()).isEqualTo(TradingMode.ACTIVE);
        }
    }

    /** Whether PostgreSQL holds the kill switch open, read as the superuser (the service's role may be locked out). */
    private boolean killSwitchStoredOpen() throws SQLException {
        String database = jdbcUrl.substring(jdbcUrl.lastIndexOf('/') + 1);
        try (Connection connection = TestPostgres.get().superuserConnection(database);
                Statement select = connection.createStatement();
                ResultSet row = select.executeQuery("SELECT open FROM risk.breaker_state WHERE name = 'KILL_SWITCH'")) {
            return row.next() && row.getBoolean(1);
        }
    }

    @Test
    void more_than_five_exchange_errors_pause_entries_and_the_breaker_closes_itself_when_they_clear() {
        try (TopicReader<TradingState> states = kafka.reader(Topics.TRADING_STATE)) {
            for (int i = 0; i < 6; i++) {
                kafka.produce(Topics.OPERATIONAL_ERRORS, "order-service", new OperationalError(UUID.randomUUID(),
                        Instant.now(), "test-api-" + i, OperationalError.ErrorKind.EXCHANGE_API, "order-service",
                        "create order", "503 Service Unavailable"));
            }
            TradingState paused = states.await(s -> open(s, BreakerName.EXCHANGE_API), DEADLINE);
            assertThat(paused.mode()).isEqualTo(TradingMode.REDUCE_ONLY);
            assertThat(paused.flattenAll()).isFalse();
            BreakerState api = paused.breakers().stream().filter(b -> b.name() == BreakerName.EXCHANGE_API).findFirst()
                    .orElseThrow();
            assertThat(api.reason()).contains("6 errors in 3 s (limit 5)");

            TradingState resumed = states.await(s -> s.correlationId().equals("api-errors-cleared"), DEADLINE);
            assertThat(resumed.mode()).isEqualTo(TradingMode.ACTIVE);
        }
    }
}
