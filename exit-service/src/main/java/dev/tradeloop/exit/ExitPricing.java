package dev.tradeloop.exit;

import dev.tradeloop.events.ExitPriority;
import dev.tradeloop.events.money.Price;
import dev.tradeloop.events.money.PriceGrid;

/**
 * The prices of an exit (always a sale of the side held), from the trading rules' table:
 * <ul>
 *   <li>CRITICAL: "market", an immediate-or-cancel at the worst acceptable price, the floor;</li>
 *   <li>HIGH: aggressive, {@code max(bid − 0.01, bid × 0.98)};</li>
 *   <li>MEDIUM: fair, {@code (bid + ask) / 2};</li>
 *   <li>LOW: conservative, the ask.</li>
 * </ul>
 * Walk {@code k} re-places the order {@code 0.01 × k} lower than the one before (the aggressiveness
 * grows with each walk). Every price is computed exactly, then put on the market's grid: a sale's
 * price up to the next valid price, so no order sells for less than its rule asks; the floor,
 * {@code bid − spread}, to the nearest valid price, which still crosses the bid. No price is under
 * the floor or over the grid's highest.
 */
public final class ExitPricing {

    private static final long CENT = 10_000;

    private ExitPricing() {
    }

    /** The worst price an exit accepts on this book: one spread under the bid, on the grid. */
    public static Price floor(HeldBook book) {
        long oneSpreadUnder = book.bid().micros() - book.spread().micros();
        Price floor = book.grid().nearest(new Price(Math.max(0, oneSpreadUnder)));
        return floor.compareTo(book.bid()) > 0 ? book.grid().atOrBelow(book.bid()).orElse(floor) : floor;
    }

    /** Where an exit of this priority starts. */
    public static Price start(ExitPriority priority, HeldBook book) {
        long bid = book.bid().micros();
        long price = switch (priority) {
            case CRITICAL -> floor(book).micros();
            case HIGH -> Math.max(bid - CENT, Math.multiplyExact(bid, 98) / 100 + (bid * 98 % 100 == 0 ? 0 : 1));
            case MEDIUM -> (bid + book.ask().micros() + 1) / 2;
            case LOW -> book.ask().micros();
            default -> throw new IllegalArgumentException("no start price for " + priority);
        };
        return onGrid(price, book);
    }

    /** Walk {@code walk} (from 1): {@code 0.01 × walk} under the previous price. */
    public static Price walk(Price previous, int walk, HeldBook book) {
        return onGrid(previous.micros() - walk * CENT, book);
    }

    /** The "market" order: an immediate-or-cancel at the floor, which takes every bid down to it. */
    public static Price market(HeldBook book) {
        return floor(book);
    }

    /** A sale's price on the grid: up to the next valid price, never under the floor nor over the highest. */
    private static Price onGrid(long micros, HeldBook book) {
        PriceGrid grid = book.grid();
        Price floor = floor(book);
        if (micros <= floor.micros()) {
            return floor;
        }
        return grid.atOrAbove(new Price(micros)).orElse(grid.highest());
    }
}
