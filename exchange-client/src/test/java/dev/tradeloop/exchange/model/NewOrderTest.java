package dev.tradeloop.exchange.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradeloop.events.Action;
import dev.tradeloop.events.Side;
import dev.tradeloop.events.json.Json;
import dev.tradeloop.events.money.Contracts;
import dev.tradeloop.events.money.Price;
import org.junit.jupiter.api.Test;

/** A trade on either side becomes Kalshi's YES-terms order: bid or ask, at the YES price. */
class NewOrderTest {

    private static NewOrder order(Side side, Action action, String price) {
        return NewOrder.of("T", side, action, Contracts.whole(10), Price.parse(price), NewOrder.GOOD_TILL_CANCELED, "c1");
    }

    @Test
    void the_four_ways_to_trade_map_to_bid_or_ask_at_the_yes_price() {
        assertThat(order(Side.YES, Action.BUY, "0.57")).extracting(NewOrder::side, NewOrder::price)
                .containsExactly("bid", Price.parse("0.57"));
        assertThat(order(Side.NO, Action.BUY, "0.40")).extracting(NewOrder::side, NewOrder::price)
                .containsExactly("ask", Price.parse("0.60"));
        assertThat(order(Side.YES, Action.SELL, "0.66")).extracting(NewOrder::side, NewOrder::price)
                .containsExactly("ask", Price.parse("0.66"));
        assertThat(order(Side.NO, Action.SELL, "0.45")).extracting(NewOrder::side, NewOrder::price)
                .containsExactly("bid", Price.parse("0.55"));
    }

    @Test
    void the_body_is_kalshis_json() throws Exception {
        String json = Json.mapper().writeValueAsString(order(Side.NO, Action.SELL, "0.45"));

        assertThat(json).isEqualTo("{\"ticker\":\"T\",\"side\":\"bid\",\"count\":\"10.00\",\"price\":\"0.5500\","
                + "\"time_in_force\":\"good_till_canceled\",\"client_order_id\":\"c1\","
                + "\"self_trade_prevention_type\":\"taker_at_cross\"}");
    }

    @Test
    void only_a_sale_that_takes_at_once_is_reduce_only() {
        NewOrder immediate = NewOrder.of("T", Side.YES, Action.SELL, Contracts.whole(3), Price.parse("0.40"),
                NewOrder.IMMEDIATE_OR_CANCEL, "c2");
        NewOrder killOrFill = NewOrder.of("T", Side.YES, Action.SELL, Contracts.whole(3), Price.parse("0.40"),
                NewOrder.FILL_OR_KILL, "c3");
        NewOrder immediateBuy = NewOrder.of("T", Side.YES, Action.BUY, Contracts.whole(3), Price.parse("0.40"),
                NewOrder.IMMEDIATE_OR_CANCEL, "c4");

        assertThat(immediate.reduceOnly()).isTrue();
        assertThat(killOrFill.reduceOnly()).isTrue();
        assertThat(immediateBuy.reduceOnly()).isNull();
        assertThat(order(Side.YES, Action.SELL, "0.40").reduceOnly()).isNull();
    }
}
