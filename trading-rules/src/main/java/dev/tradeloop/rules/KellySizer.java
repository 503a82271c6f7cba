package dev.tradeloop.rules;

import dev.tradeloop.events.money.Contracts;
import dev.tradeloop.events.money.Money;
import dev.tradeloop.events.money.Price;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * Binary-contract Kelly: buying at {@code m} with win probability {@code p} has full-Kelly fraction
 * {@code f* = (p − m) / (1 − m)}; the stake is {@code kelly_fraction × f* × bankroll}, clamped to
 * the method's [min, max] position, and the contracts {@code floor(stake / m)} (whole contracts).
 * No stake at all when {@code f* ≤ 0}, and never more than the bankroll.
 */
public final class KellySizer {

    private static final MathContext PRECISION = new MathContext(20, RoundingMode.HALF_EVEN);

    /** A sized entry: the stake in dollars and the whole contracts it buys at the price. */
    public record Size(BigDecimal fullKelly, Money stake, Contracts contracts) {
    }

    private KellySizer() {
    }

    public static Optional<Size> size(BigDecimal probability, Price price, Money bankroll, Method.Sizing sizing) {
        BigDecimal m = price.toBigDecimal();
        if (m.signum() <= 0 || m.compareTo(BigDecimal.ONE) >= 0 || bankroll.micros() <= 0) {
            return Optional.empty();
        }
        BigDecimal fullKelly = probability.subtract(m).divide(BigDecimal.ONE.subtract(m), PRECISION);
        if (fullKelly.signum() <= 0) {
            return Optional.empty();
        }
        BigDecimal stake = sizing.kellyFraction().multiply(fullKelly).multiply(bankroll.toBigDecimal());
        stake = stake.max(sizing.minPosition().toBigDecimal()).min(sizing.maxPosition().toBigDecimal())
                .min(bankroll.toBigDecimal());
        Money exactStake = Money.rounded(stake, RoundingMode.DOWN);
        long contracts = exactStake.toBigDecimal().divide(m, 0, RoundingMode.FLOOR).longValueExact();
        if (contracts < 1) {
            return Optional.empty();
        }
        return Optional.of(new Size(fullKelly, exactStake, Contracts.whole(contracts)));
    }
}
