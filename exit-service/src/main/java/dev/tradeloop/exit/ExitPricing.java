package dev.tradeloop.exit;

import dev.tradeloop.events.ExitPriority;
import dev.tradeloop.events.money.Price;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The prices of an exit (always a sale of the side held), from the trading rules' table:
 * <ul>
 *   <li>CRITICAL: "market", an immediate-or-cancel at the worst acceptable price, the floor;</li>
 *   <li>HIGH: aggressive, {@code max(bid − 0.01, bid × 0.98)} to the nearest cent;</li>
 *   <li>MEDIUM: fair, {@code (bid + ask) / 2}, a half cent rounded toward the bid;</li>
 *   <li>LOW: conservative, the ask.</li>
 * </ul>
 * Walk {@code k} re-places the order {@code 0.01 × k} lower than the one before (the aggressiveness
 * grows with each walk). No price is ever under the floor, {@code bid − spread} (and never under
 * 0.01), nor over 0.99.
 */
public final class ExitPricing {

    private static final long CENT = 10_000;
    private static final Price MIN = Price.ofCents(1);
    private static final Price MAX = Price.ofCents(99);

    private ExitPricing() {
    }

    /** The worst price an exit accepts on this book: one spread under the bid. */
    public static Price floor(HeldBook book) {
        return new Price(Math.max(MIN.micros(), book.bid().micros() - book.spread().micros()));
    }

    /** Where an exit of this priority starts. */
    public static Price start(ExitPriority priority, HeldBook book) {
        long bid = book.bid().micros();
        long price;
        switch (priority) {
            case CRITICAL -> price = floor(book).micros();
            case HIGH -> price = Math.max(bid - CENT, toCent(BigDecimal.valueOf(bid).multiply(new BigDecimal("0.98")),
                    RoundingMode.HALF_UP));
            case MEDIUM -> price = toCent(BigDecimal.valueOf(bid + book.ask().micros()).divide(BigDecimal.valueOf(2)),
                    RoundingMode.FLOOR);
            case LOW -> price = book.ask().micros();
            default -> throw new IllegalArgumentException("no start price for " + priority);
        }
        return within(new Price(price), book);
    }

    /** Walk {@code walk} (from 1): {@code 0.01 × walk} under the previous price. */
    public static Price walk(Price previous, int walk, HeldBook book) {
        return within(new Price(Math.max(MIN.micros(), previous.micros() - walk * CENT)), book);
    }

    /** The "market" order: an immediate-or-cancel at the floor, which takes every bid down to it. */
    public static Price market(HeldBook book) {
        return floor(book);
    }

    private static Price within(Price price, HeldBook book) {
        Price floored = atLeast(floor(book), price);
        return floored.compareTo(MAX) > 0 ? MAX : floored;
    }

    private static Price atLeast(Price least, Price price) {
        return price.compareTo(least) < 0 ? least : price;
    }

    private static long toCent(BigDecimal micros, RoundingMode rounding) {
        return micros.divide(BigDecimal.valueOf(CENT), 0, rounding).longValueExact() * CENT;
    }
}
