package dev.tradeloop.edge;

import dev.tradeloop.events.MarketStatus;
import dev.tradeloop.events.Side;
import dev.tradeloop.events.money.Contracts;
import dev.tradeloop.events.money.Price;
import java.time.Instant;
import java.util.Optional;

/**
 * What a tick says of a market besides its book: its event, status, close time, activity, shard and
 * its series' fee multiplier.
 */
public record MarketInfo(String eventTicker, MarketStatus status, Optional<Side> result, Instant closeTime,
        Contracts volume, Optional<Price> lastPrice, int exchangeIndex, java.math.BigDecimal feeMultiplier) {

    /** The same market with the close time the exchange lists now (an exchange may move it). */
    public MarketInfo withCloseTime(Instant newCloseTime) {
        return new MarketInfo(eventTicker, status, result, newCloseTime, volume, lastPrice, exchangeIndex, feeMultiplier);
    }

    public MarketInfo withActivity(Contracts newVolume, Optional<Price> newLastPrice) {
        return new MarketInfo(eventTicker, status, result, closeTime, newVolume, newLastPrice.or(() -> lastPrice),
                exchangeIndex, feeMultiplier);
    }
}
