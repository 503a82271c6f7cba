package dev.tradeloop.order;

import dev.tradeloop.events.EntryPlan;
import dev.tradeloop.events.money.Contracts;
import dev.tradeloop.events.OrderStatus;
import dev.tradeloop.events.money.Price;
import dev.tradeloop.events.money.PriceGrid;
import java.util.Optional;

/**
 * The entry rule: attempt 1 is a limit at the target price; each later attempt walks the price up
 * by the plan's step, and there is no attempt past the slippage cap (the plan's worst price). Each
 * price is put on the market's grid by rounding down, so a buy never pays more than its rule asks.
 */
public final class EntryWalk {

    private EntryWalk() {
    }

    /** The price of attempt {@code attempt} (from 1), or empty when it would pass the worst price. */
    public static Optional<Price> priceOf(EntryPlan plan, int attempt, PriceGrid grid) {
        long micros = plan.limitPrice().micros() + (long) (attempt - 1) * plan.walkStep().micros();
        if (micros > plan.worstPrice().micros()) {
            return Optional.empty();
        }
        return grid.atOrBelow(new Price(micros));
    }

    /** How an entry that stopped ends: filled, partly filled (the rest cancelled), or with nothing. */
    public static OrderStatus endOf(Contracts filled, Contracts wanted) {
        if (filled.compareTo(wanted) >= 0) {
            return OrderStatus.FILLED;
        }
        return filled.isZero() ? OrderStatus.ABANDONED : OrderStatus.CANCELLED;
    }
}
