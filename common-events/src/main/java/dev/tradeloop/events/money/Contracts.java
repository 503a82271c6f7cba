package dev.tradeloop.events.money;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A non-negative number of contracts in hundredths, as Kalshi's {@code count_fp} fields carry it
 * ("10.00"; the smallest order is 0.01). Which way contracts move (bought or sold) is said by the
 * event, never by a sign here.
 */
public record Contracts(long hundredths) implements Comparable<Contracts> {

    public static final int SCALE = 2;
    public static final Contracts ZERO = new Contracts(0);

    public Contracts {
        if (hundredths < 0) {
            throw new IllegalArgumentException(
                    "contract count " + FixedPoint.print(hundredths, SCALE, SCALE) + " is negative");
        }
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static Contracts parse(String count) {
        return new Contracts(FixedPoint.parse(count, SCALE, "contract count"));
    }

    public static Contracts whole(long contracts) {
        return new Contracts(Math.multiplyExact(contracts, 100L));
    }

    public Contracts plus(Contracts other) {
        return new Contracts(Math.addExact(hundredths, other.hundredths));
    }

    /** This count less {@code other}; refuses to go below zero. */
    public Contracts minus(Contracts other) {
        return new Contracts(Math.subtractExact(hundredths, other.hundredths));
    }

    public boolean isZero() {
        return hundredths == 0;
    }

    @Override
    public int compareTo(Contracts other) {
        return Long.compare(hundredths, other.hundredths);
    }

    @JsonValue
    @Override
    public String toString() {
        return FixedPoint.print(hundredths, SCALE, SCALE);
    }
}
