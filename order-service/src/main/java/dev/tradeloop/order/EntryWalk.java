package dev.tradeloop.order;

import dev.tradeloop.events.EntryPlan;
import dev.tradeloop.events.OrderEnding;
import dev.tradeloop.events.OrderStatus;
import dev.tradeloop.events.TradingState;
import dev.tradeloop.events.money.Contracts;
import dev.tradeloop.events.money.Price;
import dev.tradeloop.events.money.PriceGrid;
import java.util.Optional;

/**
 * The entry rule: attempt 1 is a limit at the target price; each later attempt walks the price up
 * by the plan's step, and there is no attempt past the slippage cap (the plan's worst price). Each
 * price is put on the market's grid by rounding down, so a buy never pays more than its rule asks.
 * {@link #next} is the whole decision of an entry's loop, without I/O.
 */
public final class EntryWalk {

    private EntryWalk() {
    }

    /**
     * What an entry of {@code wanted} contracts does after {@code next - 1} attempts filled
     * {@code filled}, under the trading state {@code state} (empty: not known) on a market priced on
     * {@code grid}: end filled, end because trading no longer allows entries or the walk reached the
     * slippage cap, or place attempt {@code next} for what is left.
     */
    public static EntryMove next(EntryPlan plan, Contracts wanted, Contracts filled, int next,
            Optional<TradingState> state, PriceGrid grid) {
        Contracts remaining = wanted.minus(filled);
        if (remaining.isZero()) {
            return new EntryMove.End(OrderStatus.FILLED, OrderEnding.FILLED, "filled");
        }
        if (!state.map(TradingState::entriesAllowed).orElse(false)) {
            return new EntryMove.End(endOf(filled, wanted), OrderEnding.TRADING_HALTED, "trading is "
                    + state.map(s -> s.mode().name()).orElse("not known") + ": no new order");
        }
        Optional<Price> price = priceOf(plan, next, grid);
        if (price.isEmpty()) {
            return new EntryMove.End(endOf(filled, wanted), OrderEnding.SLIPPAGE_CAP_REACHED,
                    "no fill up to the slippage cap " + plan.worstPrice() + "; " + filled + " of " + wanted
                            + " filled");
        }
        return next == 1
                ? new EntryMove.Place(next, price.get(), remaining, OrderStatus.INTENDED, "limit at the target price")
                : new EntryMove.Place(next, price.get(), remaining, OrderStatus.WALKED,
                        "walked by " + plan.walkStep() + " to " + price.get());
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
