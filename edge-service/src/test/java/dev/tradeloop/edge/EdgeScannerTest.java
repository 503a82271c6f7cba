package dev.tradeloop.edge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradeloop.events.Edge;
import dev.tradeloop.events.MarketStatus;
import dev.tradeloop.events.Prediction;
import dev.tradeloop.events.PriceTick;
import dev.tradeloop.events.Side;
import dev.tradeloop.events.money.Contracts;
import dev.tradeloop.events.money.Money;
import dev.tradeloop.events.money.Price;
import dev.tradeloop.rules.EdgeFinder;
import dev.tradeloop.rules.Method;
import dev.tradeloop.rules.MethodCatalog;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EdgeScannerTest {

    private static final Instant NOW = Instant.parse("2026-11-24T14:30:00Z");
    private static final Method METHOD = MethodCatalog.load(Path.of(System.getProperty("tradeloop.methods.dir")))
            .latest("kelly-quarter").orElseThrow();
    private static final String MARKET = "KXHIGHNY-26NOV24-T52";

    private final EdgeScanner scanner = new EdgeScanner(List.of(METHOD), new LatestPredictions());

    private static PriceTick tick(long sequence, String yesBid, String noBid) {
        Price yes = Price.parse(yesBid);
        Price no = Price.parse(noBid);
        return new PriceTick(UUID.randomUUID(), NOW, "t", MARKET, "KXHIGHNY-26NOV24", MarketStatus.OPEN, Optional.empty(), yes,
                no.complement(), no, yes.complement(), Optional.empty(), Contracts.whole(500),
                NOW.plusSeconds(3600), sequence, NOW);
    }

    private static Prediction prediction(String probabilityYes) {
        return new Prediction(UUID.randomUUID(), NOW, "p", MARKET, new BigDecimal(probabilityYes),
                new BigDecimal("0.80"), "nws", "2");
    }

    @Test
    void a_prediction_above_the_ask_by_more_than_the_minimum_edge_after_fees_is_an_edge_on_yes() {
        scanner.onTick(tick(1, "0.43", "0.55"), NOW);

        Prediction prediction = prediction("0.70");
        List<Edge> edges = scanner.onPrediction(prediction, NOW).edges();

        assertThat(edges).hasSize(1);
        Edge edge = edges.get(0);
        assertThat(edge.side()).isEqualTo(Side.YES);
        assertThat(edge.ask()).isEqualTo(Price.parse("0.45"));
        // 0.07 × 0.45 × 0.55 = 0.017325, rounded up to 0.0174; 0.70 − 0.45 − 0.0174 = 0.2326
        assertThat(edge.feePerContract()).isEqualTo(Money.parse("0.0174"));
        assertThat(edge.edge()).isEqualByComparingTo("0.2326");
        assertThat(edge.targetPrice()).isEqualTo(Price.parse("0.45"));
        assertThat(edge.method()).isEqualTo(METHOD.ref());
        assertThat(edge.predictionEventId()).isEqualTo(prediction.eventId());
        assertThat(edge.eventTicker()).isEqualTo("KXHIGHNY-26NOV24");
        assertThat(edge.correlationId()).isEqualTo("edge-" + edge.eventId());
    }

    @Test
    void a_low_prediction_is_an_edge_on_no() {
        scanner.onTick(tick(1, "0.60", "0.38"), NOW);

        List<Edge> edges = scanner.onPrediction(prediction("0.40"), NOW).edges();

        // NO ask = 1 − 0.60 = 0.40; p(NO) = 0.60; fee 0.07 × 0.40 × 0.60 = 0.0168; edge 0.1832
        assertThat(edges).singleElement().satisfies(edge -> {
            assertThat(edge.side()).isEqualTo(Side.NO);
            assertThat(edge.ask()).isEqualTo(Price.parse("0.40"));
            assertThat(edge.edge()).isEqualByComparingTo("0.1832");
        });
    }

    @Test
    void a_prediction_is_acted_on_once_and_a_new_prediction_can_be_acted_on_again() {
        scanner.onTick(tick(1, "0.43", "0.55"), NOW);
        assertThat(scanner.onPrediction(prediction("0.70"), NOW).edges()).hasSize(1);

        assertThat(scanner.onTick(tick(2, "0.44", "0.55"), NOW).orElseThrow().edges()).isEmpty();
        assertThat(scanner.onPrediction(prediction("0.72"), NOW).edges()).hasSize(1);
    }

    @Test
    void a_duplicate_or_older_tick_is_dropped_by_its_sequence() {
        assertThat(scanner.onTick(tick(5, "0.43", "0.55"), NOW)).isPresent();

        assertThat(scanner.onTick(tick(5, "0.10", "0.85"), NOW)).isEmpty();
        assertThat(scanner.onTick(tick(4, "0.10", "0.85"), NOW)).isEmpty();

        // the held tick is still sequence 5's: the edge is against its 0.45 ask, not the dropped 0.15
        assertThat(scanner.onPrediction(prediction("0.70"), NOW).edges()).singleElement()
                .satisfies(edge -> assertThat(edge.ask()).isEqualTo(Price.parse("0.45")));
    }

    @Test
    void no_edge_is_skipped_with_its_reasons() {
        scanner.onTick(tick(1, "0.43", "0.55"), NOW);

        EdgeScanner.Scan scan = scanner.onPrediction(prediction("0.48"), NOW);

        assertThat(scan.edges()).isEmpty();
        assertThat(scan.skipped()).containsEntry(METHOD.ref(), List.of(EdgeFinder.Skip.NO_EDGE));
    }

    @Test
    void a_prediction_without_a_tick_waits_for_one() {
        assertThat(scanner.onPrediction(prediction("0.70"), NOW).edges()).isEmpty();

        assertThat(scanner.onTick(tick(1, "0.43", "0.55"), NOW).orElseThrow().edges()).hasSize(1);
    }
}
