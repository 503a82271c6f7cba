package dev.tradeloop.rules;

import dev.tradeloop.events.money.Money;
import dev.tradeloop.events.money.Price;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The taker fee an entry expects to pay per contract, {@code 0.07 × m × P × (1 − P)} rounded up to
 * $0.0001, where {@code m} is the series' {@code fee_multiplier}: an estimate for deciding, never for
 * accounting (P&amp;L uses the fee the exchange reports).
 */
public final class EntryFees {

    private static final BigDecimal TAKER_RATE = new BigDecimal("0.07");

    private EntryFees() {
    }

    /** On a series with the standard fees (multiplier 1). */
    public static Money perContract(Price price) {
        return perContract(price, BigDecimal.ONE);
    }

    public static Money perContract(Price price, BigDecimal feeMultiplier) {
        BigDecimal p = price.toBigDecimal();
        return Money.of(TAKER_RATE.multiply(feeMultiplier).multiply(p).multiply(BigDecimal.ONE.subtract(p))
                .setScale(4, RoundingMode.CEILING));
    }
}
