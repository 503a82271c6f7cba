package dev.tradeloop.sim.rest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradeloop.sim.SimMarkets;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

/**
 * The simulator refuses what Kalshi's specification refuses: missing required fields, JSON numbers
 * where the schema has strings, prices off a market's grid, ambiguous decreases, mismatched amends,
 * {@code reduce_only} on a resting order; and it routes by shard as Kalshi does.
 */
@QuarkusTest
class KalshiStrictnessTest {

    private static final String ORDERS = "/portfolio/events/orders";

    private final SignedRequests trader = SignedRequests.trader();

    private static String order(String ticker, String price, String extra) {
        return "{\"ticker\":\"" + ticker + "\",\"side\":\"bid\",\"price\":\"" + price + "\",\"count\":\"1.00\""
                + extra + "}";
    }

    private static final String REQUIRED = ",\"time_in_force\":\"good_till_canceled\","
            + "\"self_trade_prevention_type\":\"taker_at_cross\"";

    private JsonPath refused(int status, String endpoint, String body) {
        return trader.post(endpoint, body).then().statusCode(status).extract().jsonPath();
    }

    @Test
    void time_in_force_and_self_trade_prevention_are_required() {
        String ticker = SimMarkets.list("KXSTRICT");

        JsonPath noTimeInForce = refused(400, ORDERS, order(ticker, "0.30",
                ",\"self_trade_prevention_type\":\"taker_at_cross\""));
        JsonPath noPrevention = refused(400, ORDERS, order(ticker, "0.30", ",\"time_in_force\":\"good_till_canceled\""));

        assertThat(noTimeInForce.getString("error.message")).contains("time_in_force is required");
        assertThat(noPrevention.getString("error.message")).contains("self_trade_prevention_type is required");
        trader.post(ORDERS, order(ticker, "0.30", REQUIRED)).then().statusCode(201);
    }

    @Test
    void a_json_number_where_the_schema_has_a_string_is_refused_with_the_field_named() {
        String ticker = SimMarkets.list("KXSTRICT");
        String numberCount = "{\"ticker\":\"" + ticker + "\",\"side\":\"bid\",\"price\":\"0.30\",\"count\":1" + REQUIRED
                + "}";
        String numberPrice = "{\"ticker\":\"" + ticker + "\",\"side\":\"bid\",\"price\":0.3,\"count\":\"1.00\"" + REQUIRED
                + "}";

        JsonPath count = refused(400, ORDERS, numberCount);
        JsonPath price = refused(400, ORDERS, numberPrice);

        assertThat(count.getString("error.code")).isEqualTo("invalid_parameters");
        assertThat(count.getString("error.message")).startsWith("count: ");
        assertThat(price.getString("error.message")).startsWith("price: ");
    }

    @Test
    void a_price_off_the_markets_grid_gets_invalid_price() {
        String cents = SimMarkets.list("KXSTRICT");
        String tenths = SimMarkets.list("KXSTRICT", "deci_cent", 0);

        JsonPath offGrid = refused(400, ORDERS, order(cents, "0.305", REQUIRED));

        assertThat(offGrid.getString("error.code")).isEqualTo("invalid_price");
        trader.post(ORDERS, order(tenths, "0.305", REQUIRED)).then().statusCode(201);
        assertThat(trader.get("/markets/" + tenths).then().statusCode(200).extract().jsonPath()
                .getString("market.price_ranges[0].step")).isEqualTo("0.0010");
    }

    @Test
    void reduce_only_is_taken_only_on_an_order_that_trades_at_once() {
        String ticker = SimMarkets.list("KXSTRICT");

        JsonPath resting = refused(400, ORDERS, order(ticker, "0.30", REQUIRED + ",\"reduce_only\":true"));

        assertThat(resting.getString("error.message")).contains("reduce_only");
    }

    @Test
    void a_decrease_takes_exactly_one_of_reduce_by_and_reduce_to_and_an_amend_its_own_market_and_side() {
        String ticker = SimMarkets.list("KXSTRICT");
        String orderId = trader.post(ORDERS, order(ticker, "0.30", REQUIRED)).then().statusCode(201).extract()
                .jsonPath().getString("order_id");
        String decrease = ORDERS + "/" + orderId + "/decrease";
        String amend = ORDERS + "/" + orderId + "/amend";

        assertThat(refused(400, decrease, "{\"reduce_by\":\"1.00\",\"reduce_to\":\"0.00\",\"market_ticker\":\""
                + ticker + "\"}").getString("error.message")).contains("exactly one of reduce_by or reduce_to");
        assertThat(refused(400, decrease, "{\"market_ticker\":\"" + ticker + "\"}").getString("error.message"))
                .contains("exactly one of reduce_by or reduce_to");
        assertThat(refused(400, amend, "{\"side\":\"bid\",\"price\":\"0.31\",\"count\":\"1.00\"}")
                .getString("error.message")).contains("ticker, side, price and count are required");
        assertThat(refused(400, amend, "{\"ticker\":\"" + ticker + "\",\"side\":\"ask\",\"price\":\"0.31\","
                + "\"count\":\"1.00\"}").getString("error.code")).isEqualTo("order_side_mismatch");
        trader.post(decrease, "{\"reduce_to\":\"0.00\",\"market_ticker\":\"" + ticker + "\"}").then().statusCode(200);
    }

    @Test
    void an_order_on_another_shard_is_reached_only_when_routed_and_is_paid_from_that_shards_cash() {
        String ticker = SimMarkets.list("KXSHARD", "linear_cent", 2);
        String orderId = trader.post(ORDERS, order(ticker, "0.30", REQUIRED)).then().statusCode(201).extract()
                .jsonPath().getString("order_id");

        JsonPath unrouted = trader.delete(ORDERS + "/" + orderId).then().statusCode(404).extract().jsonPath();
        trader.get("/portfolio/orders/" + orderId).then().statusCode(404);
        assertThat(trader.get("/portfolio/orders?ticker=" + ticker).then().statusCode(200).extract().jsonPath()
                .getList("orders.order_id")).containsExactly(orderId);
        assertThat(trader.get("/markets/" + ticker).then().extract().jsonPath().getInt("market.exchange_index"))
                .isEqualTo(2);
        trader.delete(ORDERS + "/" + orderId + "?market_ticker=" + ticker).then().statusCode(200);

        JsonPath balance = trader.get("/portfolio/balance?exchange_index=2").then().statusCode(200).extract().jsonPath();
        String tooBig = "{\"ticker\":\"" + ticker + "\",\"side\":\"bid\",\"price\":\"0.50\",\"count\":\"4001.00\""
                + REQUIRED + "}";
        JsonPath lacking = refused(400, ORDERS, tooBig);

        assertThat(unrouted.getString("error.code")).isEqualTo("not_found");
        assertThat(balance.getString("balance_dollars")).isEqualTo("2000.0000");
        assertThat(balance.getList("balance_breakdown.exchange_index")).contains(0, 2);
        assertThat(lacking.getString("error.code")).isEqualTo("available_balance_too_low");
        assertThat(lacking.getString("error.message")).contains("exchange shard 2");
    }
}
