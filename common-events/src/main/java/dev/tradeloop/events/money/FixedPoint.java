package dev.tradeloop.events.money;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * Parses and prints the exchange's fixed-point decimal strings ("0.5600", "10.00") as scaled
 * longs, so no value ever passes through a float. Shared by {@link Money}, {@link Price} and
 * {@link Contracts}.
 */
final class FixedPoint {

    /** Longer than any amount the contract carries; a longer text is refused unread, and never quoted. */
    private static final int MAX_TEXT = 40;
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)");

    private FixedPoint() {
    }

    /**
     * Parses {@code text} into a long scaled by 10^{@code scale}; more decimals than the scale,
     * an exponent, a blank or anything but digits, an optional sign and one point is refused.
     */
    static long parse(String text, int scale, String what) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(what + " is blank");
        }
        if (text.length() > MAX_TEXT) {
            throw new IllegalArgumentException(what + " of " + text.length() + " characters is refused (at most "
                    + MAX_TEXT + ")");
        }
        if (!DECIMAL.matcher(text).matches()) {
            throw new IllegalArgumentException(what + " '" + text + "' is not a decimal number");
        }
        BigDecimal value = new BigDecimal(text);
        if (value.stripTrailingZeros().scale() > scale) {
            throw new IllegalArgumentException(
                    what + " '" + text + "' has more than " + scale + " decimals");
        }
        try {
            return value.movePointRight(scale).longValueExact();
        } catch (ArithmeticException tooLarge) {
            throw new IllegalArgumentException(what + " '" + text + "' is out of range");
        }
    }

    /** Prints a scaled long with at least {@code minDecimals} and at most {@code scale} decimals. */
    static String print(long scaled, int scale, int minDecimals) {
        BigDecimal value = BigDecimal.valueOf(scaled, scale).stripTrailingZeros();
        if (value.scale() < minDecimals) {
            value = value.setScale(minDecimals);
        }
        return value.toPlainString();
    }
}
