package dev.tradeloop.events.money;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.math.BigDecimal;

/**
 * The price of one binary contract: an exact dollar amount in [0, 1], held as micro-dollars like
 * {@link Money} and printed the same way ("0.5600"). A contract pays $1.00 if it wins, so a price
 * outside [0, 1] is a bug or bad input, and is refused here, once, for every event.
 */
public record Price(long micros) implements Comparable<Price> {

    public static final Price ZERO = new Price(0);
    public static final Price ONE = new Price(1_000_000);

    public Price {
        if (micros < 0 || micros > 1_000_000) {
            throw new IllegalArgumentException(
                    "price " + FixedPoint.print(micros, Money.SCALE, 4) + " is outside [0, 1]");
        }
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static Price parse(String dollars) {
        return new Price(FixedPoint.parse(dollars, Money.SCALE, "price"));
    }

    public static Price ofCents(long cents) {
        return new Price(Math.multiplyExact(cents, 10_000L));
    }

    public static Price of(BigDecimal dollars) {
        return new Price(dollars.movePointRight(Money.SCALE).longValueExact());
    }

    /** The other side's price: a YES bid at p is a NO ask at 1 - p. */
    public Price complement() {
        return new Price(1_000_000 - micros);
    }

    public Money toMoney() {
        return new Money(micros);
    }

    public BigDecimal toBigDecimal() {
        return BigDecimal.valueOf(micros, Money.SCALE);
    }

    /** The cost of {@code count} contracts at this price, exact. */
    public Money times(Contracts count) {
        return new Money(Math.multiplyExact(micros, count.hundredths()) / 100);
    }

    @Override
    public int compareTo(Price other) {
        return Long.compare(micros, other.micros);
    }

    @JsonValue
    @Override
    public String toString() {
        return FixedPoint.print(micros, Money.SCALE, 4);
    }
}
