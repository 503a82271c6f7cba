package dev.tradeloop.events.money;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * An exact, signed amount of US dollars in micro-dollars (10^-6), the finest unit Kalshi quotes.
 * Every balance, fee, stake, exposure and P&amp;L in Tradeloop is a {@code Money}; on the wire it
 * is a fixed-point dollar string with at least four decimals ("12.3400", "-0.000150").
 */
public record Money(long micros) implements Comparable<Money> {

    public static final int SCALE = 6;
    public static final Money ZERO = new Money(0);
    public static final Money ONE_DOLLAR = new Money(1_000_000);

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static Money parse(String dollars) {
        return new Money(FixedPoint.parse(dollars, SCALE, "amount"));
    }

    public static Money ofCents(long cents) {
        return new Money(Math.multiplyExact(cents, 10_000L));
    }

    /** An exact decimal amount; more than six decimals is refused, never rounded silently. */
    public static Money of(BigDecimal dollars) {
        return new Money(dollars.movePointRight(SCALE).longValueExact());
    }

    /** Rounds {@code dollars} to the micro-dollar with the given mode; for computed amounts. */
    public static Money rounded(BigDecimal dollars, RoundingMode mode) {
        return of(dollars.setScale(SCALE, mode));
    }

    public BigDecimal toBigDecimal() {
        return BigDecimal.valueOf(micros, SCALE);
    }

    public Money plus(Money other) {
        return new Money(Math.addExact(micros, other.micros));
    }

    public Money minus(Money other) {
        return new Money(Math.subtractExact(micros, other.micros));
    }

    /** This amount's share for {@code part} of {@code whole} contracts, to the nearest micro-dollar (half even). */
    public Money proRata(Contracts part, Contracts whole) {
        if (whole.isZero()) {
            throw new IllegalArgumentException("a share of zero contracts");
        }
        return new Money(BigDecimal.valueOf(micros).multiply(BigDecimal.valueOf(part.hundredths()))
                .divide(BigDecimal.valueOf(whole.hundredths()), 0, RoundingMode.HALF_EVEN).longValueExact());
    }

    public Money negate() {
        return new Money(Math.negateExact(micros));
    }

    public boolean isNegative() {
        return micros < 0;
    }

    @Override
    public int compareTo(Money other) {
        return Long.compare(micros, other.micros);
    }

    @JsonValue
    @Override
    public String toString() {
        return FixedPoint.print(micros, SCALE, 4);
    }
}
