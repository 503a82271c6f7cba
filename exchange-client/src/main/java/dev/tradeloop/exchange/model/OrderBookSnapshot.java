package dev.tradeloop.exchange.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.tradeloop.events.money.Contracts;
import dev.tradeloop.events.money.Price;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A market's book from {@code GET /markets/{ticker}/orderbook}: bids only for each side, in that
 * side's own prices, ascending, so the best bid is the last level. An empty side is absent on the
 * wire and an empty list here.
 */
public record OrderBookSnapshot(List<Level> yesBids, List<Level> noBids) {

    @JsonCreator
    static OrderBookSnapshot fromWire(@JsonProperty("orderbook_fp") Map<String, List<Level>> book) {
        return new OrderBookSnapshot(List.copyOf(book.getOrDefault("yes_dollars", List.of())),
                List.copyOf(book.getOrDefault("no_dollars", List.of())));
    }

    public Optional<Price> bestYesBid() {
        return yesBids.isEmpty() ? Optional.empty() : Optional.of(yesBids.get(yesBids.size() - 1).price());
    }

    public Optional<Price> bestNoBid() {
        return noBids.isEmpty() ? Optional.empty() : Optional.of(noBids.get(noBids.size() - 1).price());
    }

    /** The best YES ask: a NO bid at p is a YES ask at 1 - p. */
    public Optional<Price> bestYesAsk() {
        return bestNoBid().map(Price::complement);
    }

    /** One level: a price and the contracts resting at it, read from {@code ["0.4200", "13.00"]}. */
    public record Level(Price price, Contracts size) {

        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        static Level fromWire(List<String> pair) {
            if (pair.size() != 2) {
                throw new IllegalArgumentException("an order book level is [price, count], not " + pair);
            }
            return new Level(Price.parse(pair.get(0)), Contracts.parse(pair.get(1)));
        }
    }
}
