package dev.tradeloop.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradeloop.events.MarketStatus;
import dev.tradeloop.events.Prediction;
import dev.tradeloop.events.PriceTick;
import dev.tradeloop.events.Side;
import dev.tradeloop.events.money.Contracts;
import dev.tradeloop.events.money.Money;
import dev.tradeloop.events.money.Price;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EdgeFinderTest {

    private static final Instant NOW = Instant.parse("2026-11-24T14:30:00Z");
    private static final Method METHOD = MethodCatalog.load(MethodCatalogTest.METHODS).latest("kelly-quarter").orElseThrow();

    private static PriceTick tick(String yesBid, String yesAsk, String volume, MarketStatus status, Instant at) {
        return tick(yesBid, yesAsk, volume, status, at, NOW.plusSeconds(3600));
    }

    private static PriceTick tick(String yesBid, String yesAsk, String volume, MarketStatus status, Instant at,
            Instant closeTime) {
        Price bid = Price.parse(yesBid);
        Price ask = Price.parse(yesAsk);
        return new PriceTick(UUID.randomUUID(), at, "c", "KXT", "KX", status, Optional.empty(), bid, ask, ask.complement(), bid.complement(),
                Optional.empty(), Contracts.parse(volume), closeTime, 1, at);
    }

    private static PriceTick tick(String yesBid, String yesAsk) {
        return tick(yesBid, yesAsk, "1520", MarketStatus.OPEN, NOW.minusSeconds(2));
    }

    private static Prediction prediction(String probabilityYes, String confidence) {
        return new Prediction(UUID.randomUUID(), NOW, "c", "KXT", new BigDecimal(probabilityYes), new BigDecimal(confidence),
                "m", "1");
    }

    @Test
    void the_expected_taker_fee_per_contract_is_rounded_up() {
        assertThat(EntryFees.perContract(Price.parse("0.57"))).isEqualTo(Money.parse("0.0172")); // 0.017157
        assertThat(EntryFees.perContract(Price.parse("0.50"))).isEqualTo(Money.parse("0.0175"));
    }

    @Test
    void yes_has_an_edge_when_the_model_is_above_the_ask_by_more_than_fee_and_minimum() {
        EdgeFinder.Verdict verdict = EdgeFinder.evaluate(prediction("0.64", "0.80"), tick("0.55", "0.57"), METHOD, NOW);

        EdgeFinder.Opportunity yes = verdict.opportunity().orElseThrow();
        assertThat(yes.side()).isEqualTo(Side.YES);
        assertThat(yes.ask()).isEqualTo(Price.parse("0.57"));
        assertThat(yes.edge()).isEqualByComparingTo("0.0528"); // 0.64 - 0.57 - 0.0172
    }

    @Test
    void the_series_fee_multiplier_the_tick_carries_scales_the_fee_and_can_take_the_edge_away() {
        PriceTick standard = tick("0.55", "0.57");
        PriceTick dearer = new PriceTick(standard.eventId(), standard.occurredAt(), "c", "KXT", "KX", MarketStatus.OPEN,
                Optional.empty(), standard.yesBid(), standard.yesAsk(), standard.noBid(), standard.noAsk(), Optional.empty(),
                standard.volume(), standard.closeTime(), 1, standard.exchangeTime(), Optional.of(0),
                Optional.of(new BigDecimal("1.5")));

        // 0.07 × 1.5 × 0.57 × 0.43 = 0.0257355, rounded up to 0.0258: 0.64 − 0.57 − 0.0258 = 0.0442, under 0.05
        assertThat(EntryFees.perContract(Price.parse("0.57"), new BigDecimal("1.5"))).isEqualTo(Money.parse("0.0258"));
        assertThat(EdgeFinder.evaluate(prediction("0.64", "0.80"), standard, METHOD, NOW).opportunity()).isPresent();
        assertThat(EdgeFinder.evaluate(prediction("0.64", "0.80"), dearer, METHOD, NOW).skipped())
                .containsExactly(EdgeFinder.Skip.NO_EDGE);
        assertThatThrownBy(() -> new PriceTick(standard.eventId(), standard.occurredAt(), "c", "KXT", "KX",
                MarketStatus.OPEN, Optional.empty(), standard.yesBid(), standard.yesAsk(), standard.noBid(),
                standard.noAsk(), Optional.empty(), standard.volume(), standard.closeTime(), 1, standard.exchangeTime(),
                Optional.of(0), Optional.of(new BigDecimal("11")))).hasMessageContaining("between 0 and 10");
    }

    @Test
    void no_has_the_edge_when_the_model_is_below_the_market() {
        EdgeFinder.Verdict verdict = EdgeFinder.evaluate(prediction("0.30", "0.80"), tick("0.55", "0.57"), METHOD, NOW);

        EdgeFinder.Opportunity no = verdict.opportunity().orElseThrow();
        assertThat(no.side()).isEqualTo(Side.NO);
        assertThat(no.ask()).isEqualTo(Price.parse("0.45"));
        assertThat(no.probability()).isEqualByComparingTo("0.70");
        assertThat(no.edge()).isEqualByComparingTo("0.2326"); // 0.70 - 0.45 - 0.0174
    }

    @Test
    void an_edge_at_or_below_the_minimum_is_not_taken() {
        EdgeFinder.Verdict verdict = EdgeFinder.evaluate(prediction("0.60", "0.80"), tick("0.55", "0.57"), METHOD, NOW);

        assertThat(verdict.opportunity()).isEmpty();
        assertThat(verdict.skipped()).containsExactly(EdgeFinder.Skip.NO_EDGE);
    }

    @Test
    void each_market_filter_names_itself() {
        PriceTick closed = tick("0.55", "0.57", "1520", MarketStatus.CLOSED, NOW.minusSeconds(2));
        PriceTick thin = tick("0.55", "0.57", "99", MarketStatus.OPEN, NOW.minusSeconds(2));
        PriceTick wide = tick("0.50", "0.57");
        PriceTick stale = tick("0.55", "0.57", "1520", MarketStatus.OPEN, NOW.minusSeconds(121));
        // closing in 4 min 59 s: inside the 5 minutes before the close in which every position is sold
        PriceTick closing = tick("0.55", "0.57", "1520", MarketStatus.OPEN, NOW.minusSeconds(2),
                NOW.plusSeconds(299));

        assertThat(EdgeFinder.evaluate(prediction("0.90", "0.80"), closed, METHOD, NOW).skipped())
                .containsExactly(EdgeFinder.Skip.MARKET_NOT_OPEN);
        assertThat(EdgeFinder.evaluate(prediction("0.90", "0.80"), thin, METHOD, NOW).skipped())
                .containsExactly(EdgeFinder.Skip.LOW_VOLUME);
        assertThat(EdgeFinder.evaluate(prediction("0.90", "0.80"), wide, METHOD, NOW).skipped())
                .containsExactly(EdgeFinder.Skip.WIDE_SPREAD);
        assertThat(EdgeFinder.evaluate(prediction("0.90", "0.80"), stale, METHOD, NOW).skipped())
                .containsExactly(EdgeFinder.Skip.STALE_PRICE);
        assertThat(EdgeFinder.evaluate(prediction("0.90", "0.80"), closing, METHOD, NOW).skipped())
                .containsExactly(EdgeFinder.Skip.CLOSES_SOON);
        assertThat(EdgeFinder.evaluate(prediction("0.90", "0.50"), tick("0.55", "0.57"), METHOD, NOW).skipped())
                .containsExactly(EdgeFinder.Skip.LOW_CONFIDENCE);
    }
}
