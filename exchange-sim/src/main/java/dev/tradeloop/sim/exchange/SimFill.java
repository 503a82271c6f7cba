package dev.tradeloop.sim.exchange;

import dev.tradeloop.events.money.Contracts;
import dev.tradeloop.events.money.Money;
import dev.tradeloop.events.money.Price;
import java.time.Instant;

/** One side of one trade, as the account that made it sees it. */
public record SimFill(
        String fillId,
        String tradeId,
        String orderId,
        String accountId,
        String ticker,
        BookSide side,
        Contracts count,
        Price yesPrice,
        boolean taker,
        Money fee,
        Instant createdAt) {

    public Price noPrice() {
        return yesPrice.complement();
    }

    /** What the account paid for the contracts it received (YES at the YES price, NO at the NO price). */
    public Money cost() {
        return (side == BookSide.BID ? yesPrice : noPrice()).times(count);
    }
}
