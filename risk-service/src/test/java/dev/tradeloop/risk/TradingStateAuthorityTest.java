package dev.tradeloop.risk;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tradeloop.events.BreakerName;
import dev.tradeloop.events.BreakerState;
import dev.tradeloop.events.ResetMode;
import dev.tradeloop.events.Topics;
import dev.tradeloop.events.TradingMode;
import dev.tradeloop.events.TradingState;
import dev.tradeloop.testkit.KafkaTestResource;
import dev.tradeloop.testkit.PostgresTestResource;
import dev.tradeloop.testkit.TestKafka;
import dev.tradeloop.testkit.TopicReader;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** On a fresh system (an empty trading-state topic) risk-service publishes ACTIVE with every breaker closed. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
class TradingStateAuthorityTest {

    @Test
    void the_first_start_publishes_an_active_state_with_every_breaker_closed() {
        try (TopicReader<TradingState> states = TestKafka.get().reader(Topics.TRADING_STATE)) {
            List<TradingState> published = states.awaitCount(state -> true, 1, Duration.ofSeconds(30));
            TradingState initial = published.get(0);

            assertThat(initial.mode()).isEqualTo(TradingMode.ACTIVE);
            assertThat(initial.flattenAll()).isFalse();
            assertThat(initial.breakers()).extracting(BreakerState::name)
                    .containsExactly(BreakerName.DAILY_LOSS, BreakerName.EXCHANGE_API, BreakerName.DATABASE,
                            BreakerName.KILL_SWITCH, BreakerName.RECONCILIATION);
            assertThat(initial.breakers()).extracting(BreakerState::open).containsOnly(false);
            assertThat(initial.breakers()).extracting(BreakerState::resetMode).containsExactly(
                    ResetMode.MANUAL, ResetMode.AUTOMATIC, ResetMode.MANUAL, ResetMode.MANUAL, ResetMode.MANUAL);
        }
    }

    @Test
    void the_state_endpoint_answers_with_the_state_last_published() {
        String body = given().when().get("/risk/state").then().statusCode(200).extract().asString();
        TradingState answered = Topics.TRADING_STATE.codec().decode(body.getBytes(StandardCharsets.UTF_8));

        try (TopicReader<TradingState> states = TestKafka.get().reader(Topics.TRADING_STATE)) {
            assertThat(states.await(state -> state.eventId().equals(answered.eventId()), Duration.ofSeconds(30)))
                    .isEqualTo(answered);
        }
    }
}
