package dev.tradeloop.sim.exchange;

import dev.tradeloop.events.money.Contracts;
import dev.tradeloop.events.money.Money;
import dev.tradeloop.events.money.Price;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Kalshi's trading fee as the simulator charges it: a taker pays {@code 0.07 × C × P × (1 − P)}
 * per fill, rounded up to $0.0001 (the rule since July 2026); a maker pays nothing (the default
 * series fee type). On top of it, each fill pays Kalshi's rounding fee less any rebate
 * ({@link FeeRounding}); a fill's {@code fee_cost} is that net fee, so the balance moves by exactly
 * the fill's cost and {@code fee_cost}, and P&amp;L summed from fills equals the balance change.
 */
public final class Fees {

    private static final BigDecimal TAKER_RATE = new BigDecimal("0.07");
    private static final int FEE_DECIMALS = 4;

    private Fees() {
    }

    public static Money taker(Price yesPrice, Contracts count) {
        BigDecimal p = yesPrice.toBigDecimal();
        BigDecimal contracts = BigDecimal.valueOf(count.hundredths(), Contracts.SCALE);
        BigDecimal fee = TAKER_RATE.multiply(contracts).multiply(p).multiply(BigDecimal.ONE.subtract(p));
        return Money.of(fee.setScale(FEE_DECIMALS, RoundingMode.CEILING));
    }

    public static Money maker(Price yesPrice, Contracts count) {
        return Money.ZERO;
    }
}
