package dev.tradeloop.portfolio;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tradeloop.events.DeadLetter;
import dev.tradeloop.events.PositionMarked;
import dev.tradeloop.events.PositionOpened;
import dev.tradeloop.events.Side;
import dev.tradeloop.events.Topics;
import dev.tradeloop.events.json.DecodeFailure;
import dev.tradeloop.events.money.Contracts;
import dev.tradeloop.events.money.Money;
import dev.tradeloop.events.money.Price;
import dev.tradeloop.testkit.KafkaTestResource;
import dev.tradeloop.testkit.PositionStory;
import dev.tradeloop.testkit.PostgresTestResource;
import dev.tradeloop.testkit.TestKafka;
import dev.tradeloop.testkit.TopicReader;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The projection of a position's whole life, read back through the query API to the cent. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
class ProjectionTest {

    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private final TestKafka kafka = TestKafka.get();

    private static JsonPath awaitPosition(String positionId, String status) {
        return await().atMost(DEADLINE).until(() -> given().get("/positions/" + positionId).then().extract(),
                answer -> answer.statusCode() == 200 && status.equals(answer.jsonPath().getString("position.status")))
                .jsonPath();
    }

    @Test
    void the_dashboard_is_told_which_exchange_the_loop_trades_on() {
        given().get("/exchange").then().statusCode(200)
                .body("exchange", org.hamcrest.Matchers.equalTo("sim"))
                .body("realMoney", org.hamcrest.Matchers.equalTo(false));
    }

    @Test
    void a_mark_read_before_its_position_opened_is_shown_once_it_opens_and_an_older_or_late_one_changes_nothing() {
        PositionStory story = new PositionStory();
        kafka.produce(Topics.POSITION_MARKS, story.positionId, story.marked); // before the position exists
        PositionMarked older = new PositionMarked(UUID.randomUUID(), story.marked.occurredAt().minusSeconds(1),
                story.correlationId, story.positionId, story.market, Price.parse("0.55"), Contracts.whole(100),
                Money.parse("-3.72"), new BigDecimal("-0.0634"));
        kafka.produce(Topics.POSITION_MARKS, story.positionId, older);
        kafka.produce(Topics.POSITION_EVENTS, story.positionId, story.opened);

        JsonPath open = awaitPosition(story.positionId, "OPEN");
        assertThat(open.getString("position.mark")).isEqualTo("0.6200");
        assertThat(open.getString("position.unrealizedPnl")).isEqualTo("3.2800");

        kafka.produce(Topics.POSITION_EVENTS, story.positionId, story.closed);
        awaitPosition(story.positionId, "CLOSED");
        kafka.produce(Topics.POSITION_MARKS, story.positionId, story.marked); // read after the close
        PositionStory marker = new PositionStory();
        kafka.produce(Topics.POSITION_MARKS, marker.positionId, marker.marked);
        kafka.produce(Topics.POSITION_EVENTS, marker.positionId, marker.opened);
        awaitPosition(marker.positionId, "OPEN");

        JsonPath closed = awaitPosition(story.positionId, "CLOSED");
        assertThat(closed.getString("position.mark")).isNull();
        assertThat(closed.getString("position.unrealizedPnl")).isEqualTo("0.0000");
    }

    @Test
    void a_position_from_approval_to_stop_loss_is_shown_with_its_exits_orders_and_pnl() {
        PositionStory story = new PositionStory();
        story.publish(kafka);

        JsonPath detail = awaitPosition(story.positionId, "CLOSED");
        assertThat(detail.getString("position.realizedPnl")).isEqualTo("-2.9000");
        assertThat(detail.getString("position.totalFees")).isEqualTo("3.4000");
        assertThat(detail.getString("position.costBasis")).isEqualTo("57.0000");
        assertThat(detail.getString("position.exitReason")).isEqualTo("STOP_LOSS");
        assertThat(detail.getString("position.trailingStop")).isEqualTo("0.5900");
        assertThat(detail.getString("position.contracts")).isEqualTo("0.00");
        assertThat(detail.getList("exits.kind")).containsExactly("PARTIAL", "CLOSED");
        assertThat(detail.getList("exits.realizedPnl")).containsExactly("2.3400", "-5.2400");
        assertThat(detail.getList("exits.exitReason")).containsExactly("PARTIAL_EXIT_TARGET", "STOP_LOSS");
        assertThat(detail.getList("exits.price")).containsExactly("0.6500", "0.5000");
        assertThat(detail.getList("exitAttempts.reason")).containsExactly("PARTIAL_EXIT_TARGET", "STOP_LOSS");
        assertThat(detail.getList("exitAttempts.conflicting")).containsExactly("", "EDGE_DISAPPEARED");
        assertThat(detail.getList("orders.status")).containsExactly("FILLED");
        assertThat(detail.getList("orders[0].steps.status")).containsExactly("PLACED", "FILLED");
        assertThat(detail.getList("fills.fee")).containsExactly("1.7200");

        Map<String, Object> byMethod = given().get("/pnl/by-method").then().statusCode(200).extract().jsonPath()
                .<Map<String, Object>>getList("").stream().filter(row -> story.method.id().equals(row.get("methodId")))
                .findFirst().orElseThrow();
        assertThat(byMethod).containsEntry("realizedPnl", "-2.9000").containsEntry("methodVersion", 3)
                .containsEntry("losses", 1).containsEntry("wins", 0);

        List<Map<String, Object>> decisions = given().queryParam("market", story.market + "X")
                .queryParam("reason", "max_total_exposure").get("/decisions").then().statusCode(200).extract()
                .jsonPath().getList("");
        assertThat(decisions).singleElement().satisfies(decision -> {
            assertThat(decision.get("reasons")).isEqualTo(List.of("MAX_OPEN_POSITIONS", "MAX_TOTAL_EXPOSURE"));
            assertThat(decision.get("edge")).isEqualTo("0.0400");
        });
        assertThat(given().get("/alerts").then().statusCode(200).extract().jsonPath().getList("code"))
                .contains("MONITOR_STALE");
        List<String> log = given().queryParam("limit", 1000).get("/log").then().statusCode(200).extract().jsonPath()
                .getList("findAll { it.positionId == '" + story.positionId + "' }.text");
        assertThat(log).contains("closed by STOP_LOSS: 50.00 at 0.5000, realized $-5.2400",
                "exit PARTIAL_EXIT_TARGET (MEDIUM) for 50.00 contracts", "opened YES 100.00 contracts for $57.0000");
    }

    @Test
    void an_event_delivered_twice_is_counted_once() {
        PositionStory story = new PositionStory();
        story.publish(kafka);
        awaitPosition(story.positionId, "CLOSED");

        // the partial sale again, as a redelivery would bring it, then a marker to know it was read
        kafka.produce(Topics.POSITION_EVENTS, story.positionId, story.halfSold);
        PositionStory marker = new PositionStory();
        kafka.produce(Topics.POSITION_EVENTS, marker.positionId, marker.opened);
        awaitPosition(marker.positionId, "OPEN");

        JsonPath detail = given().get("/positions/" + story.positionId).then().extract().jsonPath();
        assertThat(detail.getList("exits.realizedPnl")).containsExactly("2.3400", "-5.2400");
        assertThat(detail.getString("position.realizedPnl")).isEqualTo("-2.9000");
    }

    @Test
    void a_mark_the_read_tables_cannot_take_is_dead_lettered_and_the_next_mark_is_projected() {
        PositionStory story = new PositionStory();
        kafka.produce(Topics.POSITION_EVENTS, story.positionId, story.opened);
        awaitPosition(story.positionId, "OPEN");
        PositionMarked tooLarge = new PositionMarked(UUID.randomUUID(), story.marked.occurredAt(), story.correlationId,
                story.positionId, story.market, Price.parse("0.62"), Contracts.whole(100), Money.parse("3.28"),
                new BigDecimal("123456789012345678901234")); // beyond numeric(20, 6)
        try (TopicReader<DeadLetter> letters = kafka.reader(Topics.deadLetterOf(Topics.POSITION_MARKS))) {
            kafka.produce(Topics.POSITION_MARKS, story.positionId, tooLarge);
            kafka.produce(Topics.POSITION_MARKS, story.positionId, story.marked);

            DeadLetter letter = letters.await(l -> l.key().equals(Optional.of(story.positionId)), DEADLINE);
            assertThat(letter.failure()).isEqualTo(DecodeFailure.PROCESSING_FAILED);
            assertThat(await().atMost(DEADLINE).until(() -> given().get("/positions/" + story.positionId).then()
                    .extract().jsonPath().getString("position.mark"), "0.6200"::equals)).isEqualTo("0.6200");
        }
    }

    @Test
    void a_malformed_event_is_dead_lettered_with_its_reason_and_the_next_one_is_projected() {
        PositionStory story = new PositionStory();
        try (TopicReader<DeadLetter> letters = kafka.reader(Topics.deadLetterOf(Topics.POSITION_EVENTS))) {
            kafka.produceRaw(Topics.POSITION_EVENTS_NAME, story.positionId,
                    "{\"type\":\"PositionOpened\",\"count\":".getBytes(StandardCharsets.UTF_8));
            kafka.produce(Topics.POSITION_EVENTS, story.positionId, story.opened);

            DeadLetter letter = letters.await(l -> story.positionId.equals(l.key().orElse(null))
                    && l.consumer().equals("portfolio-service"), DEADLINE);
            assertThat(letter.error()).isNotBlank();
            assertThat(awaitPosition(story.positionId, "OPEN").getString("position.marketTicker"))
                    .isEqualTo(story.market);
        }
    }

    @Test
    void an_event_the_read_tables_cannot_take_is_dead_lettered_and_the_events_behind_it_are_projected() {
        PositionStory story = new PositionStory();
        String unprojectable = "pos-" + java.util.UUID.randomUUID();
        PositionOpened tooLarge = new PositionOpened(java.util.UUID.randomUUID(), story.opened.occurredAt(),
                story.correlationId, unprojectable, story.market, "KXSTORY", Side.YES,
                Contracts.whole(10_000_000_000_000L), Money.parse("57.00"), Money.parse("1.72"),
                new java.math.BigDecimal("0.80"), story.opened.method(), "trade-" + unprojectable);
        try (TopicReader<DeadLetter> letters = kafka.reader(Topics.deadLetterOf(Topics.POSITION_EVENTS))) {
            // one key, so one partition: the position behind the bad event is read after it
            kafka.produce(Topics.POSITION_EVENTS, story.positionId, tooLarge);
            kafka.produce(Topics.POSITION_EVENTS, story.positionId, story.opened);

            DeadLetter letter = letters.await(l -> l.payload().contains(unprojectable)
                    && l.consumer().equals("portfolio-service"), DEADLINE);
            assertThat(letter.failure()).isEqualTo(DecodeFailure.PROCESSING_FAILED);
            assertThat(letter.error()).contains("numeric field overflow");
            assertThat(awaitPosition(story.positionId, "OPEN").getString("position.marketTicker"))
                    .isEqualTo(story.market);
        }
        given().get("/positions/" + unprojectable).then().statusCode(404);
        JsonPath health = given().get("/q/health/ready").then().extract().jsonPath();
        assertThat(health.getString("checks.find { it.name == 'workers' }.status")).isEqualTo("UP");
        assertThat(health.getString("checks.find { it.name == 'projection' }.status")).isEqualTo("UP");
    }

    @Test
    void the_last_reconciliation_of_each_scope_is_shown_and_an_older_one_read_late_changes_nothing() {
        java.time.Instant now = java.time.Instant.now();
        String scope = "test-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        kafka.produce(Topics.ACCOUNT_BALANCE, "reconciliation-" + scope, run(scope, now, 2, List.of("fill t-9 recorded late")));
        kafka.produce(Topics.ACCOUNT_BALANCE, "reconciliation-" + scope, run(scope, now.minusSeconds(30), 0, List.of()));
        kafka.produce(Topics.ACCOUNT_BALANCE, "reconciliation-" + scope + "-done",
                run(scope + "-done", now.plusSeconds(1), 0, List.of()));

        JsonPath shown = await().atMost(DEADLINE).until(() -> given().get("/reconciliation").then().extract(),
                answer -> answer.statusCode() == 200 && answer.asString().contains(scope + "-done")).jsonPath();
        assertThat(shown.getInt("find { it.scope == '" + scope + "' }.figures.fillsRecorded")).isEqualTo(2);
        assertThat(shown.getList("find { it.scope == '" + scope + "' }.findings")).containsExactly("fill t-9 recorded late");
        assertThat(shown.getString("find { it.scope == '" + scope + "' }.source")).isEqualTo("order-service");
    }

    private static dev.tradeloop.events.ReconciliationRun run(String scope, java.time.Instant at, int recorded,
            List<String> findings) {
        return new dev.tradeloop.events.ReconciliationRun(java.util.UUID.randomUUID(), at, "reconciliation-test",
                "order-service", scope, Map.of("fillsRead", 10, "fillsRecorded", recorded), findings,
                java.util.Optional.empty());
    }

    @Test
    void bad_queries_are_answered_400_saying_what_is_wrong() {
        assertThat(given().queryParam("status", "bogus").get("/positions").then().statusCode(400).extract()
                .jsonPath().getString("error")).isEqualTo("status 'bogus' is not one of OPEN, CLOSED, ALL");
        assertThat(given().queryParam("from", "yesterday").get("/positions").then().statusCode(400).extract()
                .jsonPath().getString("error")).isEqualTo("from 'yesterday' is not a date like 2026-11-24");
        assertThat(given().queryParam("limit", "0").get("/decisions").then().statusCode(400).extract()
                .jsonPath().getString("error")).isEqualTo("limit '0' is not a whole number from 1 to 1000");
        assertThat(given().queryParam("reason", "BAD_LUCK").get("/decisions").then().statusCode(400).extract()
                .jsonPath().getString("error")).startsWith("reason 'BAD_LUCK' is not one of MAX_OPEN_POSITIONS");
        assertThat(given().get("/positions/no-such-position").then().statusCode(404).extract()
                .jsonPath().getString("error")).isEqualTo("no position no-such-position");
    }

    @Test
    void the_api_is_described_at_q_openapi() {
        String openapi = given().get("/q/openapi").then().statusCode(200).extract().asString();
        assertThat(openapi).contains("/positions/{positionId}", "/pnl/by-method", "/decisions", "/orders", "/alerts",
                "/live");
    }
}
