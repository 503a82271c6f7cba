package dev.tradeloop.exchange.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.tradeloop.events.Action;
import dev.tradeloop.events.Side;
import dev.tradeloop.events.money.Contracts;
import dev.tradeloop.events.money.Price;

/**
 * The body of {@code POST /portfolio/events/orders}. Kalshi's side is in YES terms ({@code bid}
 * buys YES, {@code ask} buys NO) and the price is always the YES price; {@link #of} translates a
 * trade on either side into that.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NewOrder(
        String ticker,
        String side,
        Contracts count,
        Price price,
        String timeInForce,
        String clientOrderId,
        Boolean postOnly,
        Boolean reduceOnly,
        String selfTradePreventionType) {

    public static final String GOOD_TILL_CANCELED = "good_till_canceled";
    public static final String IMMEDIATE_OR_CANCEL = "immediate_or_cancel";
    public static final String FILL_OR_KILL = "fill_or_kill";

    /**
     * To {@code action} {@code count} contracts of {@code held} at {@code heldPrice} (that side's
     * price): buying YES or selling NO is a bid, buying NO or selling YES is an ask. A sale is
     * {@code reduce_only} only when it is immediate-or-cancel or fill-or-kill, the only orders Kalshi
     * is documented to accept it on; a resting sale is capped by the caller to the count held.
     */
    public static NewOrder of(String ticker, Side held, Action action, Contracts count, Price heldPrice,
            String timeInForce, String clientOrderId) {
        boolean buysYes = (held == Side.YES) == (action == Action.BUY);
        Price yesPrice = held == Side.YES ? heldPrice : heldPrice.complement();
        return new NewOrder(ticker, buysYes ? "bid" : "ask", count, yesPrice, timeInForce, clientOrderId, null,
                action == Action.SELL && takesAtOnce(timeInForce) ? Boolean.TRUE : null, "taker_at_cross");
    }

    private static boolean takesAtOnce(String timeInForce) {
        return IMMEDIATE_OR_CANCEL.equals(timeInForce) || FILL_OR_KILL.equals(timeInForce);
    }
}
