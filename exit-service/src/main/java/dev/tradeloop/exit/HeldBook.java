package dev.tradeloop.exit;

import dev.tradeloop.events.Side;
import dev.tradeloop.events.money.Price;
import dev.tradeloop.events.money.PriceGrid;
import dev.tradeloop.exchange.model.OrderBookSnapshot;
import java.util.Optional;

/**
 * The book of the side held, as an exit sees it: the best bid (what a sale gets at once), the best
 * ask, both in that side's prices, and the market's price grid in those prices (an order off it is
 * refused). A YES ask is a NO bid at 1 − p, and the other way round.
 */
public record HeldBook(Price bid, Price ask, PriceGrid grid) {

    public HeldBook {
        if (bid.compareTo(ask) >= 0) {
            throw new IllegalArgumentException("bid " + bid + " is not under ask " + ask);
        }
    }

    /** The held side's book, when it has both a bid and an ask (a one-sided book is no price). */
    public static Optional<HeldBook> of(OrderBookSnapshot book, Side held, PriceGrid grid) {
        Optional<Price> bid = held == Side.YES ? book.bestYesBid() : book.bestNoBid();
        Optional<Price> ask = (held == Side.YES ? book.bestNoBid() : book.bestYesBid()).map(Price::complement);
        if (bid.isEmpty() || ask.isEmpty() || bid.get().compareTo(ask.get()) >= 0) {
            return Optional.empty();
        }
        return Optional.of(new HeldBook(bid.get(), ask.get(), grid));
    }

    /**
     * The book a CRITICAL exit sells into: as {@link #of}, and also when the held side has a bid but
     * no ask (what a sale gets is still there), the ask then read as one step of the grid above the
     * bid, so the exit's floor stays within a step of the bid rather than sweep the book.
     */
    public static Optional<HeldBook> toSellInto(OrderBookSnapshot book, Side held, PriceGrid grid) {
        Optional<HeldBook> twoSided = of(book, held, grid);
        if (twoSided.isPresent()) {
            return twoSided;
        }
        Optional<Price> bid = held == Side.YES ? book.bestYesBid() : book.bestNoBid();
        Optional<Price> ask = (held == Side.YES ? book.bestNoBid() : book.bestYesBid()).map(Price::complement);
        if (bid.isEmpty() || ask.isPresent()) {
            return Optional.empty();
        }
        Price oneStepUp = grid.atOrAbove(new Price(bid.get().micros() + 1)).orElse(Price.ONE);
        return oneStepUp.compareTo(bid.get()) > 0 ? Optional.of(new HeldBook(bid.get(), oneStepUp, grid))
                : Optional.empty();
    }

    public Price spread() {
        return new Price(ask.micros() - bid.micros());
    }

    @Override
    public String toString() {
        return "bid " + bid + " ask " + ask;
    }
}
