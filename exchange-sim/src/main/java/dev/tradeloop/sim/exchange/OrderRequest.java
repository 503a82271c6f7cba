package dev.tradeloop.sim.exchange;

import dev.tradeloop.events.money.Contracts;
import dev.tradeloop.events.money.Price;
import java.util.Optional;

/** A new order as Kalshi's create-order endpoint takes it: the price is always the YES price. */
public record OrderRequest(
        String ticker,
        BookSide side,
        Contracts count,
        Price yesPrice,
        TimeInForce timeInForce,
        Optional<String> clientOrderId,
        boolean postOnly,
        boolean reduceOnly) {
}
