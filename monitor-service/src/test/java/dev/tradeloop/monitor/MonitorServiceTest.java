package dev.tradeloop.monitor;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tradeloop.events.Action;
import dev.tradeloop.events.ExitReason;
import dev.tradeloop.events.ExitTrigger;
import dev.tradeloop.events.Fill;
import dev.tradeloop.events.MarketStatus;
import dev.tradeloop.events.MethodRef;
import dev.tradeloop.events.OrderPurpose;
import dev.tradeloop.events.PositionEvent;
import dev.tradeloop.events.PositionMarked;
import dev.tradeloop.events.PositionOpened;
import dev.tradeloop.events.PriceTick;
import dev.tradeloop.events.Side;
import dev.tradeloop.events.Topics;
import dev.tradeloop.events.money.Contracts;
import dev.tradeloop.events.money.Money;
import dev.tradeloop.events.money.Price;
import dev.tradeloop.testkit.KafkaTestResource;
import dev.tradeloop.testkit.TestKafka;
import dev.tradeloop.testkit.TopicReader;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** monitor-service on a real broker, exactly once: fills and ticks in, position events and exit triggers out. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
class MonitorServiceTest {

    private static final Duration DEADLINE = Duration.ofSeconds(60);
    private final TestKafka kafka = TestKafka.get();
    private long sequence;

    private PriceTick tick(String market, String yesBid, String yesAsk) {
        Price bid = Price.parse(yesBid);
        Price ask = Price.parse(yesAsk);
        Instant now = Instant.now();
        return new PriceTick(UUID.randomUUID(), now, "tick", market, "KXMS", MarketStatus.OPEN, Optional.empty(), bid, ask,
                ask.complement(), bid.complement(), Optional.empty(), Contracts.whole(500), now.plusSeconds(7200),
                ++sequence, now);
    }

    @Test
    void a_filled_entry_becomes_a_marked_position_that_the_api_shows_and_a_stop_loss_triggers_its_exit() {
        String market = "KXMS-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String position = "pos-" + UUID.randomUUID();
        kafka.produce(Topics.PRICE_TICKS, market, tick(market, "0.49", "0.50"));
        kafka.produce(Topics.FILLS, position, new Fill(UUID.randomUUID(), Instant.now(), "corr-ms", position, "t-1",
                "o-1", position + "-1", market, "KXMS", OrderPurpose.ENTRY, Side.YES, Action.BUY, Contracts.whole(100),
                Price.parse("0.50"), Money.parse("1.75"), true, Instant.now(), Optional.of(new BigDecimal("0.8")),
                new MethodRef("kelly-quarter", 1)));

        try (TopicReader<PositionEvent> events = kafka.reader(Topics.POSITION_EVENTS);
                TopicReader<PositionMarked> marks = kafka.reader(Topics.POSITION_MARKS);
                TopicReader<ExitTrigger> triggers = kafka.reader(Topics.EXIT_TRIGGERS)) {
            assertThat(events.await(e -> e.positionId().equals(position), DEADLINE))
                    .isInstanceOf(PositionOpened.class);
            PositionMarked mark = marks.await(m -> m.positionId().equals(position), DEADLINE);
            assertThat(mark.mark()).isEqualTo(Price.parse("0.49"));
            assertThat(mark.unrealizedPnl()).isEqualTo(Money.parse("-2.75"));

            Awaitility.await("GET /positions/" + position).atMost(DEADLINE).pollInterval(Duration.ofMillis(200))
                    .until(() -> given().when().get("/positions/" + position).statusCode() == 200);
            var view = given().when().get("/positions/" + position).then().extract().jsonPath();
            assertThat(view.getString("count")).isEqualTo("100.00");
            assertThat(view.getString("mark")).isEqualTo("0.4900");
            // 100 × 0.49 − 50.00 − 1.75 = −2.75; −2.75 / 50.00 = −0.0550
            assertThat(view.getString("unrealizedPnl")).isEqualTo("-2.7500");
            assertThat(view.getString("pnlPct")).isEqualTo("-0.0550");
            assertThat(given().when().get("/positions?open=true&market=" + market).then().extract().jsonPath()
                    .getList("positionId")).containsExactly(position);

            kafka.produce(Topics.PRICE_TICKS, market, tick(market, "0.41", "0.42"));
            ExitTrigger trigger = triggers.await(t -> t.positionId().equals(position), DEADLINE);
            assertThat(trigger.reason()).isEqualTo(ExitReason.STOP_LOSS);
            assertThat(trigger.quantity()).isEqualTo(Contracts.whole(100));
        }
    }

    @jakarta.inject.Inject
    dev.tradeloop.monitor.streams.RestoringStores restoring;

    @Test
    void while_a_store_is_restored_the_positions_are_not_answered_in_part() {
        org.apache.kafka.common.TopicPartition partition = new org.apache.kafka.common.TopicPartition(
                "tradeloop-monitor-positions-changelog", 0);
        Awaitility.await("the positions answered").atMost(DEADLINE)
                .until(() -> given().when().get("/positions").statusCode() == 200);

        restoring.onRestoreStart(partition, "positions", 0, 100);
        try {
            given().when().get("/positions").then().statusCode(503)
                    .body("error", org.hamcrest.Matchers.containsString("being restored"));
        } finally {
            restoring.onRestoreEnd(partition, "positions", 100);
        }
        given().when().get("/positions").then().statusCode(200);
    }
}
