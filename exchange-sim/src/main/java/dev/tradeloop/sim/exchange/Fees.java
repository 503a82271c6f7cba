package dev.tradeloop.sim.exchange;

import dev.tradeloop.events.money.Contracts;
import dev.tradeloop.events.money.Money;
import dev.tradeloop.events.money.Price;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;

/**
 * Kalshi's trading fee on a series, as the simulator charges it: a taker pays
 * {@code 0.07 × m × C × P × (1 − P)} per fill, rounded up to $0.0001 (the rule since July 2026),
 * where {@code m} is the series' {@code fee_multiplier}. A maker pays nothing on a {@code quadratic}
 * series, a quarter of the taker rate on {@code quadratic_with_maker_fees} and half of it on
 * {@code quadratic_with_combo_maker_fees}. The {@code flat} schedule (Kalshi's table of specific
 * fees) is not simulated: a market on it is refused rather than mispriced. On top of the trade fee,
 * each fill pays Kalshi's rounding fee less any rebate ({@link FeeRounding}); a fill's
 * {@code fee_cost} is that net fee, so the balance moves by exactly the fill's cost and
 * {@code fee_cost}, and P&amp;L summed from fills equals the balance change.
 */
public record Fees(String type, BigDecimal multiplier) {

    public static final String QUADRATIC = "quadratic";
    private static final BigDecimal TAKER_RATE = new BigDecimal("0.07");
    private static final Map<String, BigDecimal> MAKER_SHARE = Map.of(QUADRATIC, BigDecimal.ZERO,
            "quadratic_with_maker_fees", new BigDecimal("0.25"), "quadratic_with_combo_maker_fees", new BigDecimal("0.5"));
    private static final BigDecimal MOST_MULTIPLIER = BigDecimal.TEN;
    private static final int FEE_DECIMALS = 4;
    /** The default series: taker fee only, multiplier 1. */
    public static final Fees STANDARD = new Fees(QUADRATIC, BigDecimal.ONE);

    public Fees {
        if (type == null || !MAKER_SHARE.containsKey(type)) {
            throw new IllegalArgumentException("fee_type '" + type + "' is not simulated: one of "
                    + MAKER_SHARE.keySet().stream().sorted().toList() + " ('flat' is not)");
        }
        if (multiplier == null || multiplier.signum() < 0 || multiplier.compareTo(MOST_MULTIPLIER) > 0) {
            throw new IllegalArgumentException("fee_multiplier " + multiplier + " is not between 0 and " + MOST_MULTIPLIER);
        }
    }

    public Money taker(Price yesPrice, Contracts count) {
        return fee(TAKER_RATE, yesPrice, count);
    }

    public Money maker(Price yesPrice, Contracts count) {
        return fee(TAKER_RATE.multiply(MAKER_SHARE.get(type)), yesPrice, count);
    }

    private Money fee(BigDecimal rate, Price yesPrice, Contracts count) {
        BigDecimal p = yesPrice.toBigDecimal();
        BigDecimal contracts = BigDecimal.valueOf(count.hundredths(), Contracts.SCALE);
        BigDecimal fee = rate.multiply(multiplier).multiply(contracts).multiply(p).multiply(BigDecimal.ONE.subtract(p));
        return Money.of(fee.setScale(FEE_DECIMALS, RoundingMode.CEILING));
    }
}
