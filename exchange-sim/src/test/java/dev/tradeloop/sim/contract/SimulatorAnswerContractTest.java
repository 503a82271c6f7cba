package dev.tradeloop.sim.contract;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tradeloop.events.json.Json;
import dev.tradeloop.sim.SimMarkets;
import dev.tradeloop.sim.contract.KalshiSpecification.Operation;
import dev.tradeloop.sim.rest.SignedRequests;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.io.IOException;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Every answer the simulator gives on the endpoints the project uses is valid against Kalshi's
 * vendored OpenAPI document of that endpoint; each check also shows the validator refusing the same
 * answer with one documented field broken.
 */
@QuarkusTest
class SimulatorAnswerContractTest {

    private static final String ORDERS = "/portfolio/events/orders";
    private static final String REQUIRED = ",\"time_in_force\":\"good_till_canceled\","
            + "\"self_trade_prevention_type\":\"taker_at_cross\"";

    private final SignedRequests maker = SignedRequests.maker();
    private final SignedRequests trader = SignedRequests.trader();

    private static String order(String ticker, String side, String price, String count, String extra) {
        return "{\"ticker\":\"" + ticker + "\",\"side\":\"" + side + "\",\"price\":\"" + price + "\",\"count\":\""
                + count + "\"" + REQUIRED + extra + "}";
    }

    private static JsonNode body(Response response, int status) throws IOException {
        return Json.mapper().readTree(response.then().statusCode(status).extract().asString());
    }

    /** The answer is valid, and the same answer with {@code breakIt} applied is not. */
    private static void conforms(Operation operation, JsonNode answer, Consumer<ObjectNode> breakIt) {
        assertThat(KalshiSpecification.problems(operation.answer(), answer)).as(operation.path()).isEmpty();
        ObjectNode broken = answer.deepCopy();
        breakIt.accept(broken);
        assertThat(KalshiSpecification.problems(operation.answer(), broken)).as("broken " + operation.path())
                .isNotEmpty();
    }

    /** A market with a trade in it, a resting order of the trader's, and the trader's fill. */
    private String tradedMarket() {
        String ticker = SimMarkets.list("KXCONTRACT", "deci_cent", 0);
        maker.post(ORDERS, order(ticker, "ask", "0.5730", "10.00", "")).then().statusCode(201);
        trader.post(ORDERS, order(ticker, "bid", "0.5730", "4.00", "")).then().statusCode(201);
        return ticker;
    }

    @Test
    void order_writes_answer_as_documented() throws IOException {
        String ticker = SimMarkets.list("KXCONTRACT");
        JsonNode created = body(trader.post(ORDERS, order(ticker, "bid", "0.3000", "10.00",
                ",\"client_order_id\":\"ct-" + ticker + "\"")), 201);
        String id = created.path("order_id").asText();
        JsonNode amended = body(trader.post(ORDERS + "/" + id + "/amend", "{\"ticker\":\"" + ticker
                + "\",\"side\":\"bid\",\"price\":\"0.3100\",\"count\":\"8.00\"}"), 200);
        JsonNode decreased = body(trader.post(ORDERS + "/" + id + "/decrease", "{\"reduce_to\":\"5.00\","
                + "\"market_ticker\":\"" + ticker + "\"}"), 200);
        JsonNode cancelled = body(trader.delete(ORDERS + "/" + id + "?market_ticker=" + ticker), 200);

        conforms(new Operation("create-order-v2.yaml", "POST", ORDERS), created, a -> a.put("fill_count", 0));
        conforms(new Operation("amend-order-v2.yaml", "POST", ORDERS + "/{order_id}/amend"), amended,
                a -> a.remove("order_id"));
        conforms(new Operation("decrease-order-v2.yaml", "POST", ORDERS + "/{order_id}/decrease"), decreased,
                a -> a.put("remaining_count", 5));
        conforms(new Operation("cancel-order-v2.yaml", "DELETE", ORDERS + "/{order_id}"), cancelled,
                a -> a.put("reduced_by", 5));
    }

    @Test
    void market_data_answers_as_documented() throws IOException {
        String ticker = tradedMarket();

        conforms(new Operation("get-market.yaml", "GET", "/markets/{ticker}"), body(trader.get("/markets/" + ticker), 200),
                a -> ((ObjectNode) a.get("market")).put("yes_bid_dollars", 0.57));
        conforms(new Operation("get-markets.yaml", "GET", "/markets"),
                body(trader.get("/markets?event_ticker=KXCONTRACT&limit=5"), 200), a -> a.remove("markets"));
        conforms(new Operation("get-market-orderbook.yaml", "GET", "/markets/{ticker}/orderbook"),
                body(trader.get("/markets/" + ticker + "/orderbook"), 200), a -> a.put("orderbook_fp", "none"));
        conforms(new Operation("get-exchange-status.yaml", "GET", "/exchange/status"),
                body(given().when().get("/trade-api/v2/exchange/status"), 200), a -> a.put("trading_active", "yes"));
    }

    @Test
    void settlements_answer_as_documented_and_say_what_a_finalized_market_paid() throws IOException {
        String ticker = tradedMarket(); // the trader holds 4 YES bought at 0.573
        given().contentType("application/json").body("{\"result\":\"yes\"}")
                .when().post("/sim/admin/markets/" + ticker + "/settle").then().statusCode(200);

        JsonNode settlements = body(trader.get("/portfolio/settlements?ticker=" + ticker), 200);

        conforms(new Operation("get-settlements.yaml", "GET", "/portfolio/settlements"), settlements,
                a -> ((ObjectNode) a.get("settlements").get(0)).put("revenue", "400"));
        JsonNode settlement = settlements.path("settlements").get(0);
        assertThat(settlement.path("revenue").asLong()).isEqualTo(400);
        assertThat(settlement.path("yes_count_fp").asText()).isEqualTo("4.00");
        assertThat(settlement.path("yes_total_cost_dollars").asText()).isEqualTo("2.2920");
    }

    @Test
    void events_answer_as_documented() throws IOException {
        tradedMarket();

        conforms(new Operation("get-events.yaml", "GET", "/events"), body(trader.get("/events?limit=5"), 200),
                a -> a.remove("events"));
        conforms(new Operation("get-event.yaml", "GET", "/events/{event_ticker}"),
                body(trader.get("/events/KXCONTRACT"), 200), a -> a.remove("event"));
        conforms(new Operation("get-series.yaml", "GET", "/series/{series_ticker}"),
                body(trader.get("/series/KXCONTRACT"), 200), a -> ((ObjectNode) a.get("series")).put("fee_multiplier", "1"));
    }

    @Test
    void portfolio_answers_as_documented() throws IOException {
        String ticker = tradedMarket();
        JsonNode orders = body(trader.get("/portfolio/orders?ticker=" + ticker), 200);
        String id = orders.path("orders").get(0).path("order_id").asText();

        conforms(new Operation("get-account-api-limits.yaml", "GET", "/account/limits"),
                body(trader.get("/account/limits"), 200), a -> ((ObjectNode) a.get("read")).remove("refill_rate"));
        conforms(new Operation("get-balance.yaml", "GET", "/portfolio/balance"), body(trader.get("/portfolio/balance"), 200),
                a -> a.put("balance_dollars", 10000));
        conforms(new Operation("get-orders.yaml", "GET", "/portfolio/orders"), orders,
                a -> ((ObjectNode) a.get("orders").get(0)).put("fill_count_fp", 4));
        conforms(new Operation("get-order.yaml", "GET", "/portfolio/orders/{order_id}"),
                body(trader.get("/portfolio/orders/" + id), 200), a -> ((ObjectNode) a.get("order")).remove("status"));
        conforms(new Operation("get-fills.yaml", "GET", "/portfolio/fills"),
                body(trader.get("/portfolio/fills?ticker=" + ticker), 200),
                a -> ((ObjectNode) a.get("fills").get(0)).remove("fee_cost"));
        conforms(new Operation("get-positions.yaml", "GET", "/portfolio/positions"),
                body(trader.get("/portfolio/positions?ticker=" + ticker), 200),
                a -> ((ObjectNode) a.get("market_positions").get(0)).put("position_fp", 4));
    }
}
