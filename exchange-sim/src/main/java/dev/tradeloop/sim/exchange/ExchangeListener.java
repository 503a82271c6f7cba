package dev.tradeloop.sim.exchange;

import dev.tradeloop.events.money.Price;

/**
 * Told of every change to a book and every fill, inside the exchange's lock and in the order they
 * happen, so a feed built on it never misses or reorders one.
 */
public interface ExchangeListener {

    /** The contracts resting at {@code yesPrice} on {@code side} changed by {@code deltaHundredths} (signed). */
    void bookChanged(String ticker, BookSide side, Price yesPrice, long deltaHundredths);

    /** One side of a trade, for the account that made it. */
    void filled(SimFill fill, long postPositionHundredths);

    /**
     * An order was created or changed (filled, cancelled, amended, decreased); told once per order
     * when the call that changed it ends, after its fills.
     */
    void orderChanged(SimOrder order);

    ExchangeListener NONE = new ExchangeListener() {
        @Override
        public void bookChanged(String ticker, BookSide side, Price yesPrice, long deltaHundredths) {
        }

        @Override
        public void filled(SimFill fill, long postPositionHundredths) {
        }

        @Override
        public void orderChanged(SimOrder order) {
        }
    };
}
