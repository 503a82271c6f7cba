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

    public long spreadMicros() {
        return ask.micros() - bid.micros();
    }
}
