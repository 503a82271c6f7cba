package dev.tradeloop.exchange.feed;

import dev.tradeloop.events.money.Contracts;
import dev.tradeloop.events.money.Price;
import dev.tradeloop.exchange.model.OrderBookSnapshot;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One market's book as the feed keeps it: bids on each side in that side's own prices. Built from a
 * snapshot (WebSocket or REST), then changed by deltas.
 */
public final class LocalBook {

    private final String ticker;
    private final TreeMap<Price, Long> yes = new TreeMap<>();
    private final TreeMap<Price, Long> no = new TreeMap<>();

    LocalBook(String ticker) {
        this.ticker = ticker;
    }

    static LocalBook of(String ticker, OrderBookSnapshot snapshot) {
        LocalBook book = new LocalBook(ticker);
        snapshot.yesBids().forEach(level -> book.yes.put(level.price(), level.size().hundredths()));
        snapshot.noBids().forEach(level -> book.no.put(level.price(), level.size().hundredths()));
        return book;
    }

    void apply(String side, Price price, long deltaHundredths) {
        TreeMap<Price, Long> levels = side.equals("yes") ? yes : no;
        long size = levels.getOrDefault(price, 0L) + deltaHundredths;
        if (size <= 0) {
            levels.remove(price);
        } else {
            levels.put(price, size);
        }
    }

    public String ticker() {
        return ticker;
    }

    public Optional<Price> bestYesBid() {
        return yes.isEmpty() ? Optional.empty() : Optional.of(yes.lastKey());
    }

    public Optional<Price> bestNoBid() {
        return no.isEmpty() ? Optional.empty() : Optional.of(no.lastKey());
    }

    /** A NO bid at p is a YES ask at 1 - p. */
    public Optional<Price> bestYesAsk() {
        return bestNoBid().map(Price::complement);
    }

    /** The levels of {@code side} ("yes" or "no"), ascending, as an order book snapshot lists them. */
    public List<OrderBookSnapshot.Level> levels(String side) {
        Map<Price, Long> levels = side.equals("yes") ? yes : no;
        return levels.entrySet().stream()
                .map(e -> new OrderBookSnapshot.Level(e.getKey(), new Contracts(e.getValue())))
                .toList();
    }

    LocalBook copy() {
        LocalBook copy = new LocalBook(ticker);
        copy.yes.putAll(yes);
        copy.no.putAll(no);
        return copy;
    }
}
