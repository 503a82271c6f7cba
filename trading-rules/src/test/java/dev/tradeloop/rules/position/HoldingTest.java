package dev.tradeloop.rules.position;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradeloop.events.Side;
import dev.tradeloop.events.money.Contracts;
import dev.tradeloop.events.money.Money;
import dev.tradeloop.events.money.Price;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class HoldingTest {

    @Test
    void a_yes_position_is_worth_its_bid_less_its_cost_and_entry_fees() {
        // 100 YES bought at 0.60 (60.00) with 1.68 of fees, marked at the YES bid 0.66
        Holding yes = new Holding(Side.YES, Contracts.whole(100), Contracts.whole(100), Money.parse("60.00"),
                Money.parse("1.68"));

        Holding.Valuation value = yes.valueAt(Price.parse("0.66"));

        // 100 × 0.66 − 60.00 − 1.68 = 4.32; 4.32 / 60.00 = 0.0720
        assertThat(value.unrealizedPnl()).isEqualTo(Money.parse("4.32"));
        assertThat(value.pnlPct()).isEqualByComparingTo("0.072");
    }

    @Test
    void judging_the_pnl_pct_without_dividing_agrees_with_the_division_at_every_cent() {
        Holding yes = new Holding(Side.YES, Contracts.whole(100), Contracts.whole(100), Money.parse("60.00"),
                Money.parse("1.68"));
        Holding nothingPaid = new Holding(Side.YES, Contracts.whole(10), Contracts.whole(10), Money.ZERO, Money.ZERO);
        List<BigDecimal> thresholds = Stream.of("-0.13", "0.072", "0.13", "0").map(BigDecimal::new).toList();
        BigDecimal step = new BigDecimal("0.05");
        BigDecimal near = new BigDecimal("0.02");

        for (int cents = 1; cents <= 99; cents++) {
            Price mark = new Price(cents * 10_000L);
            for (Holding holding : List.of(yes, nothingPaid)) {
                Holding.Valuation value = holding.valueAt(mark);
                BigDecimal divided = value.pnlPct();
                for (BigDecimal pct : thresholds) {
                    assertThat(value.comparePnlPct(pct)).as(mark + " against " + pct)
                            .isEqualTo(divided.compareTo(pct));
                    assertThat(value.pnlPctStepsFrom(pct, step)).as(mark + " steps from " + pct)
                            .isEqualByComparingTo(divided.subtract(pct).divide(step, 0, RoundingMode.FLOOR));
                    assertThat(value.pnlPctWithin(near, pct)).as(mark + " near " + pct)
                            .isEqualTo(divided.subtract(pct).abs().compareTo(near) <= 0);
                }
            }
        }
        assertThat(yes.valueAt(Price.parse("0.66")).comparePnlPct(new BigDecimal("0.072"))).isZero();
        assertThat(nothingPaid.valueAt(Price.parse("0.66")).pnlPct()).isZero();
    }

    @Test
    void a_no_position_is_worth_the_no_bid_and_a_loss_is_negative() {
        // 43 NO bought at 0.44 (18.92) with 0.74 of fees, marked at the NO bid 0.40
        Holding no = new Holding(Side.NO, Contracts.whole(43), Contracts.whole(43), Money.parse("18.92"),
                Money.parse("0.74"));

        Holding.Valuation value = no.valueAt(Price.parse("0.40"));

        // 43 × 0.40 − 18.92 − 0.74 = −2.46; −2.46 / 18.92 = −0.1300 (to the fourth decimal)
        assertThat(value.unrealizedPnl()).isEqualTo(Money.parse("-2.46"));
        assertThat(value.pnlPct().setScale(4, RoundingMode.HALF_EVEN)).isEqualByComparingTo("-0.1300");
    }

    @Test
    void a_position_sold_in_three_pieces_realizes_against_its_whole_cost_to_the_micro_dollar() {
        // 3 YES for 1.00 with 0.10 of fees: a third each is 0.333333..., which no rounding splits evenly
        Holding held = new Holding(Side.YES, Contracts.whole(3), Contracts.whole(3), Money.parse("1.00"),
                Money.parse("0.10"));
        Money allocated = Money.ZERO;
        for (int piece = 0; piece < 3; piece++) {
            allocated = allocated.plus(held.costOf(Contracts.whole(1)));
            held = held.reducedBy(Contracts.whole(1));
        }

        assertThat(allocated).isEqualTo(Money.parse("1.10"));
        assertThat(held.costBasis()).isEqualTo(Money.ZERO);
    }

    @Test
    void a_partial_close_keeps_the_cost_and_fees_of_what_is_still_held_pro_rata() {
        Holding held = new Holding(Side.YES, Contracts.whole(100), Contracts.whole(100), Money.parse("60.00"),
                Money.parse("1.68"));

        assertThat(held.costOf(Contracts.whole(50))).isEqualTo(Money.parse("30.84"));
        Holding half = held.reducedBy(Contracts.whole(50));

        assertThat(half.count()).isEqualTo(Contracts.whole(50));
        assertThat(half.originalCount()).isEqualTo(Contracts.whole(100));
        assertThat(half.costBasis()).isEqualTo(Money.parse("30.00"));
        assertThat(half.entryFees()).isEqualTo(Money.parse("0.84"));
        assertThat(half.valueAt(Price.parse("0.66")).pnlPct()).isEqualByComparingTo("0.072");
        assertThat(half.reducedBy(Contracts.whole(50)).isOpen()).isFalse();
    }
}
