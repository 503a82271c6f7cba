package dev.tradeloop.sim.exchange;

import dev.tradeloop.events.money.Contracts;
import dev.tradeloop.events.money.Price;

/** A price level of one side of a book: a YES price and the contracts resting there. */
public record BookLevel(Price yesPrice, Contracts size) {
}
