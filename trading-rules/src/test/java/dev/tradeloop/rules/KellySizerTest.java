package dev.tradeloop.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradeloop.events.money.Contracts;
import dev.tradeloop.events.money.Money;
import dev.tradeloop.events.money.Price;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class KellySizerTest {

    private static final Method.Sizing QUARTER = new Method.Sizing(new BigDecimal("0.25"), Money.parse("10"), Money.parse("1000"));

    @Test
    void the_stake_is_a_quarter_of_full_kelly_on_the_bankroll_and_contracts_are_floored() {
        // f* = (0.64 - 0.57) / (1 - 0.57) = 0.162790697...; stake = 0.25 x f* x 10000 = 406.976744...
        // contracts = floor(406.976744 / 0.57) = floor(713.99...) = 713
        KellySizer.Size size = KellySizer.size(new BigDecimal("0.64"), Price.parse("0.57"), Money.parse("10000"), QUARTER)
                .orElseThrow();

        assertThat(size.fullKelly()).isEqualByComparingTo("0.16279069767441860465");
        assertThat(size.stake()).isEqualTo(Money.parse("406.976744"));
        assertThat(size.contracts()).isEqualTo(Contracts.whole(713));
    }

    @Test
    void a_large_stake_is_clamped_to_the_maximum_position() {
        // f* = 0.8; 0.25 x 0.8 x 100000 = 20000 -> 1000; 1000 / 0.50 = 2000 contracts
        KellySizer.Size size = KellySizer.size(new BigDecimal("0.90"), Price.parse("0.50"), Money.parse("100000"), QUARTER)
                .orElseThrow();

        assertThat(size.stake()).isEqualTo(Money.parse("1000"));
        assertThat(size.contracts()).isEqualTo(Contracts.whole(2000));
    }

    @Test
    void a_small_stake_is_raised_to_the_minimum_position() {
        // f* = 0.01 / 0.43; 0.25 x f* x 1000 = 5.81 -> 10; floor(10 / 0.57) = 17
        KellySizer.Size size = KellySizer.size(new BigDecimal("0.58"), Price.parse("0.57"), Money.parse("1000"), QUARTER)
                .orElseThrow();

        assertThat(size.stake()).isEqualTo(Money.parse("10"));
        assertThat(size.contracts()).isEqualTo(Contracts.whole(17));
    }

    @Test
    void no_stake_without_an_edge_or_without_money() {
        assertThat(KellySizer.size(new BigDecimal("0.57"), Price.parse("0.57"), Money.parse("10000"), QUARTER)).isEmpty();
        assertThat(KellySizer.size(new BigDecimal("0.40"), Price.parse("0.57"), Money.parse("10000"), QUARTER)).isEmpty();
        assertThat(KellySizer.size(new BigDecimal("0.90"), Price.parse("0.57"), Money.ZERO, QUARTER)).isEmpty();
    }

    @Test
    void a_stake_is_never_negative_nor_above_the_cap_or_the_bankroll_and_the_contracts_fit_in_it() {
        Random random = new Random(7);
        for (int i = 0; i < 2_000; i++) {
            BigDecimal p = BigDecimal.valueOf(random.nextInt(9_999) + 1, 4);
            Price m = Price.ofCents(random.nextInt(99) + 1);
            Money bankroll = Money.ofCents(random.nextInt(5_000_000));
            Optional<KellySizer.Size> size = KellySizer.size(p, m, bankroll, QUARTER);
            if (size.isEmpty()) {
                continue;
            }
            Money stake = size.get().stake();
            assertThat(stake.isNegative()).isFalse();
            assertThat(stake).isLessThanOrEqualTo(Money.parse("1000")).isLessThanOrEqualTo(bankroll);
            assertThat(m.times(size.get().contracts())).isLessThanOrEqualTo(stake);
            assertThat(p).isGreaterThan(m.toBigDecimal());
        }
    }
}
