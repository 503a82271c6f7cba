package dev.tradeloop.edge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradeloop.events.DeadLetter;
import dev.tradeloop.events.Edge;
import dev.tradeloop.events.MarketStatus;
import dev.tradeloop.events.Prediction;
import dev.tradeloop.events.PriceTick;
import dev.tradeloop.events.Side;
import dev.tradeloop.events.Topics;
import dev.tradeloop.events.json.DecodeFailure;
import dev.tradeloop.events.money.Contracts;
import dev.tradeloop.events.money.Price;
import dev.tradeloop.testkit.KafkaTestResource;
import dev.tradeloop.testkit.TestKafka;
import dev.tradeloop.testkit.TopicReader;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** edge-service on a real broker: ticks and predictions in, edges out, bad ticks dead-lettered. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
class EdgeDetectionTest {

    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private final TestKafka kafka = TestKafka.get();

    static String ticker() {
        return "KXEDGE-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    static PriceTick tick(String ticker, long sequence, String yesBid, String noBid) {
        Price yes = Price.parse(yesBid);
        Price no = Price.parse(noBid);
        Instant now = Instant.now();
        return new PriceTick(UUID.randomUUID(), now, "test-tick", ticker, "KXEDGE", MarketStatus.OPEN, Optional.empty(), yes,
                no.complement(), no, yes.complement(), Optional.empty(), Contracts.whole(400),
                now.plusSeconds(3600), sequence, now);
    }

    static Prediction prediction(String ticker, String probabilityYes) {
        return new Prediction(UUID.randomUUID(), Instant.now(), "test-prediction", ticker,
                new BigDecimal(probabilityYes), new BigDecimal("0.75"), "test-model", "1");
    }

    @Test
    void a_tick_and_a_prediction_with_an_edge_become_one_edge_event() {
        String ticker = ticker();
        PriceTick tick = tick(ticker, 10, "0.52", "0.46");
        Prediction prediction = prediction(ticker, "0.66");

        kafka.produce(Topics.PRICE_TICKS, ticker, tick);
        kafka.produce(Topics.PREDICTIONS, ticker, prediction);

        try (TopicReader<Edge> edges = kafka.reader(Topics.EDGES)) {
            Edge edge = edges.await(e -> e.marketTicker().equals(ticker), DEADLINE);
            // YES ask = 1 − 0.46 = 0.54; fee 0.07 × 0.54 × 0.46 = 0.017388 → 0.0174; 0.66 − 0.54 − 0.0174 = 0.1026
            assertThat(edge.side()).isEqualTo(Side.YES);
            assertThat(edge.ask()).isEqualTo(Price.parse("0.54"));
            assertThat(edge.edge()).isEqualByComparingTo("0.1026");
            assertThat(edge.tickEventId()).isEqualTo(tick.eventId());
            assertThat(edge.predictionEventId()).isEqualTo(prediction.eventId());
            assertThat(edge.method().id()).isEqualTo("kelly-quarter");

            // a second tick with the same prediction does not repeat it
            PriceTick later = tick(ticker, 11, "0.52", "0.47");
            kafka.produce(Topics.PRICE_TICKS, ticker, later);
            Prediction next = prediction(ticker, "0.30");
            kafka.produce(Topics.PREDICTIONS, ticker, next);
            Edge onNo = edges.await(e -> e.predictionEventId().equals(next.eventId()), DEADLINE);
            assertThat(onNo.side()).isEqualTo(Side.NO);
            assertThat(edges.decoded()).filteredOn(e -> e.marketTicker().equals(ticker)).hasSize(2);
        }
    }

    @Test
    void a_malformed_tick_is_dead_lettered_and_the_next_one_is_used() {
        String ticker = ticker();

        kafka.produceRaw(Topics.PRICE_TICKS.name(), ticker,
                "{\"type\":\"PriceTick\",\"schemaVersion\":1}".getBytes(StandardCharsets.UTF_8));
        kafka.produce(Topics.PREDICTIONS, ticker, prediction(ticker, "0.70"));
        kafka.produce(Topics.PRICE_TICKS, ticker, tick(ticker, 1, "0.52", "0.46"));

        try (TopicReader<DeadLetter> letters = kafka.reader(Topics.deadLetterOf(Topics.PRICE_TICKS));
                TopicReader<Edge> edges = kafka.reader(Topics.EDGES)) {
            DeadLetter letter = letters.await(l -> l.key().equals(Optional.of(ticker)), DEADLINE);
            assertThat(letter.failure()).isEqualTo(DecodeFailure.MISSING_FIELD);
            assertThat(letter.consumer()).isEqualTo("edge-service");
            assertThat(edges.await(e -> e.marketTicker().equals(ticker), DEADLINE).side()).isEqualTo(Side.YES);
        }
    }
}
