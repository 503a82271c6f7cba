package dev.tradeloop.risk;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tradeloop.events.DeadLetter;
import dev.tradeloop.events.PositionClosed;
import dev.tradeloop.events.Topics;
import dev.tradeloop.events.json.DecodeFailure;
import dev.tradeloop.events.money.Contracts;
import dev.tradeloop.events.money.Money;
import dev.tradeloop.events.money.Price;
import dev.tradeloop.testkit.KafkaTestResource;
import dev.tradeloop.testkit.PostgresTestResource;
import dev.tradeloop.testkit.TestKafka;
import dev.tradeloop.testkit.TopicReader;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * An event that decodes but cannot be applied to the portfolio (here, realized P&L whose sum
 * overflows) is dead-lettered with its reason, and the feed goes on with the events behind it.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
class PortfolioFeedTest {

    private static final Duration DEADLINE = Duration.ofSeconds(30);
    /** A day of its own, long past, so the huge figures touch no other test's day. */
    private static final Instant LONG_AGO = Instant.parse("2020-01-01T12:00:00Z");

    private static PositionClosed closed(String position, Instant at, String realized) {
        return new PositionClosed(UUID.randomUUID(), at, "feed-test", position, "KXFEED", Contracts.whole(1),
                Price.parse("0.50"), Money.ZERO, Money.parse(realized), Money.ZERO, Optional.empty(), "t-" + position);
    }

    private static Money dayPnl() {
        return Money.parse(given().when().get("/risk/portfolio").then().statusCode(200).extract().jsonPath()
                .getString("dayPnl"));
    }

    @Test
    void an_event_that_cannot_be_applied_is_dead_lettered_and_the_events_behind_it_are_applied() {
        TestKafka kafka = TestKafka.get();
        String key = "feed-" + UUID.randomUUID(); // one key: one partition, read in this order
        String poisoned = "pos-" + UUID.randomUUID();
        Awaitility.await("the portfolio to be rebuilt").atMost(DEADLINE)
                .until(() -> given().when().get("/q/health/ready").then().extract().statusCode() == 200);
        Money before = dayPnl();

        try (TopicReader<DeadLetter> letters = kafka.reader(Topics.deadLetterOf(Topics.POSITION_EVENTS))) {
            kafka.produce(Topics.POSITION_EVENTS, key, closed("pos-" + UUID.randomUUID(), LONG_AGO,
                    "9000000000000.00"));
            kafka.produce(Topics.POSITION_EVENTS, key, closed(poisoned, LONG_AGO, "9000000000000.00"));
            kafka.produce(Topics.POSITION_EVENTS, key, closed("pos-" + UUID.randomUUID(), Instant.now(), "0.37"));

            DeadLetter letter = letters.await(l -> l.payload().contains(poisoned), DEADLINE);
            assertThat(letter.failure()).isEqualTo(DecodeFailure.PROCESSING_FAILED);
            assertThat(letter.error()).startsWith("ArithmeticException: long overflow");
            assertThat(letter.consumer()).isEqualTo("risk-service");
        }
        Awaitility.await("the event behind the bad one to be applied").atMost(DEADLINE)
                .until(() -> dayPnl().equals(before.plus(Money.parse("0.37"))));
        given().when().get("/q/health/ready").then().statusCode(200);
    }
}
