package dev.tradeloop.edge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradeloop.events.Alert;
import dev.tradeloop.events.AlertCode;
import dev.tradeloop.events.DeadLetter;
import dev.tradeloop.events.Topics;
import dev.tradeloop.events.json.DecodeFailure;
import dev.tradeloop.testkit.KafkaTestResource;
import dev.tradeloop.testkit.TestKafka;
import dev.tradeloop.testkit.TopicReader;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Five absurd predictions within the window raise one MODEL_ERRORS alert; the service goes on. */
@QuarkusTest
@TestProfile(ModelErrorAlertTest.OwnWatch.class)
@WithTestResource(KafkaTestResource.class)
class ModelErrorAlertTest {

    /** A Quarkus of its own, so other tests' model errors are not in this one's window. */
    public static class OwnWatch implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("tradeloop.edge.model-error-window", "10m");
        }
    }

    private static final Duration DEADLINE = Duration.ofSeconds(30);

    @Test
    void five_absurd_predictions_are_dead_lettered_with_the_reason_and_raise_one_alert() {
        TestKafka kafka = TestKafka.get();
        String ticker = EdgeDetectionTest.ticker();

        for (int i = 0; i < 5; i++) {
            kafka.produce(Topics.PREDICTIONS, ticker, EdgeDetectionTest.prediction(ticker, "1"));
        }
        kafka.produce(Topics.PRICE_TICKS, ticker, EdgeDetectionTest.tick(ticker, 1, "0.52", "0.46"));
        kafka.produce(Topics.PREDICTIONS, ticker, EdgeDetectionTest.prediction(ticker, "0.70"));

        try (TopicReader<DeadLetter> letters = kafka.reader(Topics.deadLetterOf(Topics.PREDICTIONS));
                TopicReader<Alert> alerts = kafka.reader(Topics.ALERTS);
                TopicReader<dev.tradeloop.events.Edge> edges = kafka.reader(Topics.EDGES)) {
            assertThat(letters.awaitCount(l -> l.key().equals(Optional.of(ticker)), 5, DEADLINE))
                    .allSatisfy(letter -> {
                        assertThat(letter.failure()).isEqualTo(DecodeFailure.INVALID_VALUE);
                        assertThat(letter.error()).contains("is a certainty");
                    });
            Alert alert = alerts.await(a -> a.marketTicker().equals(Optional.of(ticker)), DEADLINE);
            assertThat(alert.code()).isEqualTo(AlertCode.MODEL_ERRORS);
            assertThat(alert.message()).startsWith("5 model errors");
            assertThat(edges.await(e -> e.marketTicker().equals(ticker), DEADLINE).probability())
                    .isEqualByComparingTo("0.70");
            assertThat(alerts.decoded()).filteredOn(a -> a.marketTicker().equals(Optional.of(ticker))).hasSize(1);
        }
    }
}
