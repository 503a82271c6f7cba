package dev.tradeloop.sim.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradeloop.events.money.Money;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The three worked examples of Kalshi's fee rounding guide, fill by fill, at a $0.01 balance
 * precision. The last column is what the balance moves by in all: the guide's floored change plus
 * the rebate credited with it.
 */
class FeeRoundingTest {

    /** Each fill's "trade fee | rounding | rebate | net fee | balance moved" for fills of one order. */
    private static List<String> fills(int count, String revenue, String tradeFee) {
        List<String> rows = new ArrayList<>();
        Money accumulator = Money.ZERO;
        for (int i = 0; i < count; i++) {
            FeeRounding.Charge charge = FeeRounding.charge(Money.parse(revenue), Money.parse(tradeFee), accumulator);
            accumulator = charge.accumulator();
            rows.add(charge.tradeFee() + " | " + charge.roundingFee() + " | " + charge.rebate() + " | " + charge.netFee()
                    + " | " + Money.parse(revenue).minus(charge.netFee()));
        }
        return rows;
    }

    @Test
    void sub_penny_prices_three_one_lot_fills_at_0_055() {
        assertThat(fills(3, "-0.055", "0.0085")).containsExactly(
                "0.0085 | 0.0065 | 0.0000 | 0.0150 | -0.0700",
                "0.0085 | 0.0065 | 0.0100 | 0.0050 | -0.0600",
                "0.0085 | 0.0065 | 0.0000 | 0.0150 | -0.0700");
    }

    @Test
    void fractional_contracts_three_fills_of_0_30_at_0_50() {
        assertThat(fills(3, "-0.15", "0.0041")).containsExactly(
                "0.0041 | 0.0059 | 0.0000 | 0.0100 | -0.1600",
                "0.0041 | 0.0059 | 0.0100 | 0.0000 | -0.1500",
                "0.0041 | 0.0059 | 0.0000 | 0.0100 | -0.1600");
    }

    @Test
    void both_three_fills_of_0_03_at_0_3301_reach_six_decimals() {
        assertThat(fills(3, "-0.009903", "0.0005")).containsExactly(
                "0.0005 | 0.009597 | 0.0000 | 0.010097 | -0.0200",
                "0.0005 | 0.009597 | 0.0100 | 0.000097 | -0.0100",
                "0.0005 | 0.009597 | 0.0100 | 0.000097 | -0.0100");
    }

    @Test
    void a_fill_already_on_the_cent_pays_no_rounding_fee() {
        FeeRounding.Charge charge = FeeRounding.charge(Money.parse("-5.70"), Money.parse("0.1716"), Money.ZERO);

        assertThat(charge.roundingFee()).isEqualTo(Money.parse("0.0084"));
        assertThat(FeeRounding.charge(Money.parse("-5.70"), Money.parse("0.30"), Money.ZERO).roundingFee())
                .isEqualTo(Money.ZERO);
    }
}
