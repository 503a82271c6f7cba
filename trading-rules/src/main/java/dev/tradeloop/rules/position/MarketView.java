package dev.tradeloop.rules.position;

import dev.tradeloop.events.MarketStatus;
import dev.tradeloop.events.PriceTick;
import dev.tradeloop.events.Side;
import dev.tradeloop.events.money.Contracts;
import dev.tradeloop.events.money.Price;
import java.time.Instant;

/** What the exit conditions need of a market, from its latest tick, for the side held. */
public record MarketView(Price bid, Price ask, Contracts volume, Instant closeTime, MarketStatus status) {

    public static MarketView of(PriceTick tick, Side side) {
        return new MarketView(tick.bid(side), tick.ask(side), tick.volume(), tick.closeTime(), tick.marketStatus());
    }

    /**
     * Whether the held side has a two-sided quote. A side with no bid reads as 0 and one with no ask
     * as 1: that is no price, and a position is not marked (nor stopped out) against it.
     */
    public boolean isQuoted() {
        return bid.micros() > 0 && ask.micros() < Price.ONE.micros();
    }

    public long spreadMicros() {
        return ask.micros() - bid.micros();
    }
}
