package dev.tradeloop.sim.exchange;

import dev.tradeloop.events.money.Contracts;
import dev.tradeloop.events.money.Price;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One market's resting orders in YES prices: bids (buy YES) best-first by highest price, asks
 * (sell YES, i.e. NO bids) best-first by lowest price; within a price, the earlier order first.
 */
final class OrderBook {

    private static final Comparator<SimOrder> BY_TIME = Comparator.comparingLong(SimOrder::priority);

    private final TreeMap<Price, TreeSet<SimOrder>> bids = new TreeMap<>(Comparator.reverseOrder());
    private final TreeMap<Price, TreeSet<SimOrder>> asks = new TreeMap<>();
    private final String ticker;
    private final ExchangeListener listener;

    OrderBook(String ticker, ExchangeListener listener) {
        this.ticker = ticker;
        this.listener = listener;
    }

    void add(SimOrder order) {
        side(order.side()).computeIfAbsent(order.yesPrice(), price -> new TreeSet<>(BY_TIME)).add(order);
        listener.bookChanged(ticker, order.side(), order.yesPrice(), order.remainingCount().hundredths());
    }

    /** Takes a resting order out of the book (a cancel, an amend, a close): its whole rest leaves the level. */
    void remove(SimOrder order) {
        if (unlink(order)) {
            listener.bookChanged(ticker, order.side(), order.yesPrice(), -order.remainingCount().hundredths());
        }
    }

    /** A resting order traded {@code hundredths}; it leaves the book if nothing of it rests any more. */
    void traded(SimOrder maker, long hundredths) {
        listener.bookChanged(ticker, maker.side(), maker.yesPrice(), -hundredths);
        if (!maker.isResting()) {
            unlink(maker);
        }
    }

    private boolean unlink(SimOrder order) {
        TreeMap<Price, TreeSet<SimOrder>> side = side(order.side());
        TreeSet<SimOrder> level = side.get(order.yesPrice());
        if (level == null || !level.remove(order)) {
            return false;
        }
        if (level.isEmpty()) {
            side.remove(order.yesPrice());
        }
        return true;
    }

    /** The best resting order an incoming {@code takerSide} order at {@code limit} would trade with. */
    Optional<SimOrder> bestMatch(BookSide takerSide, Price limit) {
        TreeMap<Price, TreeSet<SimOrder>> opposite = side(takerSide.opposite());
        if (opposite.isEmpty()) {
            return Optional.empty();
        }
        Price best = opposite.firstKey();
        boolean crosses = takerSide == BookSide.BID ? best.compareTo(limit) <= 0 : best.compareTo(limit) >= 0;
        return crosses ? Optional.of(opposite.firstEntry().getValue().first()) : Optional.empty();
    }

    /** How many contracts an incoming order at {@code limit} could take right now (for fill-or-kill). */
    Contracts fillableAgainst(BookSide takerSide, Price limit) {
        Contracts total = Contracts.ZERO;
        for (Map.Entry<Price, TreeSet<SimOrder>> level : side(takerSide.opposite()).entrySet()) {
            Price price = level.getKey();
            boolean crosses = takerSide == BookSide.BID ? price.compareTo(limit) <= 0 : price.compareTo(limit) >= 0;
            if (!crosses) {
                break;
            }
            for (SimOrder order : level.getValue()) {
                total = total.plus(order.remainingCount());
            }
        }
        return total;
    }

    Optional<Price> bestBid() {
        return bids.isEmpty() ? Optional.empty() : Optional.of(bids.firstKey());
    }

    Optional<Price> bestAsk() {
        return asks.isEmpty() ? Optional.empty() : Optional.of(asks.firstKey());
    }

    /** Price levels of one side with their total size, best first. */
    List<BookLevel> levels(BookSide side) {
        List<BookLevel> levels = new ArrayList<>();
        side(side).forEach((price, orders) -> levels.add(new BookLevel(price,
                orders.stream().map(SimOrder::remainingCount).reduce(Contracts.ZERO, Contracts::plus))));
        return levels;
    }

    List<SimOrder> allOrders() {
        List<SimOrder> all = new ArrayList<>();
        bids.values().forEach(all::addAll);
        asks.values().forEach(all::addAll);
        return all;
    }

    private TreeMap<Price, TreeSet<SimOrder>> side(BookSide side) {
        return side == BookSide.BID ? bids : asks;
    }
}
