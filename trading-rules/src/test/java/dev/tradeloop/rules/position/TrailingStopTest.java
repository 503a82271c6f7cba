package dev.tradeloop.rules.position;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradeloop.events.Side;
import dev.tradeloop.events.money.Contracts;
import dev.tradeloop.events.money.Money;
import dev.tradeloop.events.money.Price;
import dev.tradeloop.rules.Method;
import java.math.BigDecimal;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TrailingStopTest {

    private static final Method.TrailingStop DEFAULTS = new Method.TrailingStop(new BigDecimal("0.10"),
            new BigDecimal("0.05"), new BigDecimal("0.01"), new BigDecimal("0.05"), new BigDecimal("0.02"));
    /** The trading rules' example: entry 0.60 on a market without fees. */
    private static final Holding ENTRY = new Holding(Side.YES, Contracts.whole(100), Contracts.whole(100),
            Money.parse("60.00"), Money.ZERO);

    private static TrailingStop after(TrailingStop stop, String mark) {
        Price price = Price.parse(mark);
        return stop.update(ENTRY.valueAt(price), DEFAULTS);
    }

    @Test
    void the_worked_example_of_the_trading_rules() {
        TrailingStop stop = after(TrailingStop.inactive(), "0.64");
        assertThat(stop.active()).isFalse();

        stop = after(stop, "0.66"); // +10 %: active, stop 0.66 × 0.95
        assertThat(stop.active()).isTrue();
        assertThat(stop.stop()).isEqualByComparingTo("0.6270");

        stop = after(stop, "0.69"); // +15 %: distance 0.04
        assertThat(stop.distance()).isEqualByComparingTo("0.04");
        assertThat(stop.stop()).isEqualByComparingTo("0.6624");

        stop = after(stop, "0.75"); // +25 %: distance 0.02 (the floor)
        assertThat(stop.distance()).isEqualByComparingTo("0.02");
        assertThat(stop.stop()).isEqualByComparingTo("0.7350");

        assertThat(stop.fires(Price.parse("0.7400"))).isFalse();
        assertThat(stop.fires(Price.parse("0.7350"))).isTrue();
    }

    @Test
    void a_lower_mark_after_activation_leaves_the_stop_where_it_was() {
        TrailingStop stop = after(after(TrailingStop.inactive(), "0.66"), "0.69");

        TrailingStop lower = after(stop, "0.67");

        assertThat(lower).isEqualTo(stop);
        assertThat(lower.movedFrom(stop)).isFalse();
    }

    @Test
    void the_stop_only_moves_up_whatever_the_marks() {
        Random random = new Random(20261124);
        for (int run = 0; run < 500; run++) {
            TrailingStop stop = TrailingStop.inactive();
            BigDecimal highest = BigDecimal.ZERO;
            for (int tick = 0; tick < 60; tick++) {
                stop = after(stop, "0." + (50 + random.nextInt(49)));
                assertThat(stop.stop()).isGreaterThanOrEqualTo(highest);
                highest = stop.stop();
            }
        }
    }
}
