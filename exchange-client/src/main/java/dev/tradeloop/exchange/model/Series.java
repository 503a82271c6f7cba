package dev.tradeloop.exchange.model;

import java.math.BigDecimal;

/**
 * A Kalshi series as far as trading needs it: what it charges. {@code feeType} is one of
 * {@code quadratic}, {@code quadratic_with_maker_fees}, {@code quadratic_with_combo_maker_fees},
 * {@code flat}; {@code feeMultiplier} scales the fee, read exactly from its JSON number and bounded
 * (0 to 10) before it is used.
 */
public record Series(String ticker, String feeType, BigDecimal feeMultiplier) {

    private static final BigDecimal MOST_MULTIPLIER = BigDecimal.TEN;

    public Series {
        if (feeMultiplier == null || feeMultiplier.signum() < 0 || feeMultiplier.compareTo(MOST_MULTIPLIER) > 0) {
            throw new IllegalArgumentException("series " + ticker + ": fee_multiplier " + feeMultiplier
                    + " is not between 0 and " + MOST_MULTIPLIER);
        }
    }
}
