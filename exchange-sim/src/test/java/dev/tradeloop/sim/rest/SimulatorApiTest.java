package dev.tradeloop.sim.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tradeloop.exchange.auth.RequestSigner;
import dev.tradeloop.sim.SimMarkets;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The simulator over real HTTP, with signed requests, answering in Kalshi's shapes. */
@QuarkusTest
class SimulatorApiTest {

    private final SignedRequests maker = SignedRequests.maker();
    private final SignedRequests trader = SignedRequests.trader();


    private static String order(String ticker, String side, String price, String count, String clientOrderId) {
        return "{\"ticker\":\"" + ticker + "\",\"side\":\"" + side + "\",\"price\":\"" + price + "\",\"count\":\""
                + count + "\",\"time_in_force\":\"good_till_canceled\",\"self_trade_prevention_type\":\"taker_at_cross\","
                + "\"client_order_id\":\"" + clientOrderId + "\"}";
    }

    @Test
    void an_unsigned_request_to_a_private_endpoint_gets_401() {
        JsonPath error = given().when().get("/trade-api/v2/portfolio/balance").then().statusCode(401)
                .extract().jsonPath();

        assertThat(error.getString("error.code")).isEqualTo("authentication_error");
        assertThat(error.getString("error.message")).isEqualTo("missing authentication headers");
    }

    @Test
    void a_bad_or_stale_signature_gets_401() {
        String path = "/trade-api/v2/portfolio/balance";
        String stale = Long.toString(Instant.now().minusSeconds(120).toEpochMilli());

        String forged = given().header(RequestSigner.KEY_HEADER, SignedRequests.TRADER)
                .header(RequestSigner.TIMESTAMP_HEADER, Long.toString(Instant.now().toEpochMilli()))
                .header(RequestSigner.SIGNATURE_HEADER, "AAAA").when().get(path)
                .then().statusCode(401).extract().jsonPath().getString("error.message");
        String late = given().header(RequestSigner.KEY_HEADER, SignedRequests.TRADER)
                .header(RequestSigner.TIMESTAMP_HEADER, stale).header(RequestSigner.SIGNATURE_HEADER, "AAAA")
                .when().get(path).then().statusCode(401).extract().jsonPath().getString("error.message");

        assertThat(forged).isEqualTo("invalid signature");
        assertThat(late).contains("too far from the exchange's clock");
    }

    @Test
    void public_market_data_needs_no_signature() {
        String ticker = SimMarkets.list("KXSIM");

        JsonPath market = given().when().get("/trade-api/v2/markets/" + ticker).then().statusCode(200)
                .extract().jsonPath();

        assertThat(market.getString("market.status")).isEqualTo("active");
        assertThat(market.getString("market.yes_bid_dollars")).isEqualTo("0.0000");
        assertThat(market.getString("market.yes_ask_dollars")).isEqualTo("1.0000");
        assertThat(market.getString("market.price_ranges[0].step")).isEqualTo("0.0100");
    }

    @Test
    void a_trade_fills_both_sides_and_the_balance_reconciles_to_the_cent_with_fees() {
        String ticker = SimMarkets.list("KXSIM");
        String traderBefore = trader.get("/portfolio/balance").then().statusCode(200).extract()
                .jsonPath().getString("balance_dollars");
        maker.post("/portfolio/events/orders", order(ticker, "ask", "0.5700", "10.00", "mk-" + ticker))
                .then().statusCode(201);

        JsonPath created = trader.post("/portfolio/events/orders", order(ticker, "bid", "0.6000", "10.00",
                "tr-" + ticker)).then().statusCode(201).extract().jsonPath();

        assertThat(created.getString("fill_count")).isEqualTo("10.00");
        assertThat(created.getString("remaining_count")).isEqualTo("0.00");
        assertThat(created.getString("average_fill_price")).isEqualTo("0.5700");
        JsonPath fills = trader.get("/portfolio/fills?ticker=" + ticker).then().statusCode(200).extract().jsonPath();
        assertThat(fills.getList("fills")).hasSize(1);
        assertThat(fills.getString("fills[0].yes_price_dollars")).isEqualTo("0.5700");
        // the trade fee 0.1716 and the rounding fee 0.0084 that floors the change to the cent
        assertThat(fills.getString("fills[0].fee_cost")).isEqualTo("0.1800");
        assertThat(fills.getBoolean("fills[0].is_taker")).isTrue();
        // the balance fell by exactly 10 x 0.57 plus the 0.18 fee
        String traderAfter = trader.get("/portfolio/balance").then().extract().jsonPath().getString("balance_dollars");
        assertThat(new java.math.BigDecimal(traderBefore).subtract(new java.math.BigDecimal(traderAfter)))
                .isEqualByComparingTo("5.88");
        JsonPath positions = trader.get("/portfolio/positions").then().statusCode(200).extract().jsonPath();
        assertThat(positions.getList("market_positions.findAll { it.ticker == '" + ticker + "' }.position_fp"))
                .containsExactly("10.00");
        JsonPath makerPositions = maker.get("/portfolio/positions").then().extract().jsonPath();
        assertThat(makerPositions.getList("market_positions.findAll { it.ticker == '" + ticker + "' }.position_fp"))
                .containsExactly("-10.00");
    }

    @Test
    void the_order_book_lists_bids_of_each_side_ascending_with_the_best_last() {
        String ticker = SimMarkets.list("KXSIM");
        maker.post("/portfolio/events/orders", order(ticker, "bid", "0.4000", "3.00", "b1-" + ticker)).then().statusCode(201);
        maker.post("/portfolio/events/orders", order(ticker, "bid", "0.4200", "5.00", "b2-" + ticker)).then().statusCode(201);
        maker.post("/portfolio/events/orders", order(ticker, "ask", "0.4500", "7.00", "a1-" + ticker)).then().statusCode(201);

        JsonPath book = given().when().get("/trade-api/v2/markets/" + ticker + "/orderbook").then().statusCode(200)
                .extract().jsonPath();

        assertThat(book.getList("orderbook_fp.yes_dollars")).isEqualTo(
                List.of(List.of("0.4000", "3.00"), List.of("0.4200", "5.00")));
        assertThat(book.getList("orderbook_fp.no_dollars")).isEqualTo(List.of(List.of("0.5500", "7.00")));
    }

    @Test
    void a_client_order_id_in_use_by_an_open_order_gets_409_and_cancel_frees_it() {
        String ticker = SimMarkets.list("KXSIM");
        String body = order(ticker, "bid", "0.3000", "1.00", "dup-" + ticker);
        String orderId = trader.post("/portfolio/events/orders", body).then().statusCode(201)
                .extract().jsonPath().getString("order_id");

        trader.post("/portfolio/events/orders", body).then().statusCode(409);
        JsonPath cancelled = trader.delete("/portfolio/events/orders/" + orderId).then().statusCode(200)
                .extract().jsonPath();

        assertThat(cancelled.getString("reduced_by")).isEqualTo("1.00");
        trader.post("/portfolio/events/orders", body).then().statusCode(201);
        assertThat(trader.get("/portfolio/orders/" + orderId).then().statusCode(200).extract().jsonPath()
                .getString("order.status")).isEqualTo("canceled");
    }

    @Test
    void a_bad_order_gets_400_that_names_the_field() {
        String ticker = SimMarkets.list("KXSIM");

        JsonPath side = trader.post("/portfolio/events/orders", order(ticker, "buy", "0.3000", "1.00", "x1"))
                .then().statusCode(400).extract().jsonPath();
        JsonPath price = trader.post("/portfolio/events/orders", order(ticker, "bid", "1.5000", "1.00", "x2"))
                .then().statusCode(400).extract().jsonPath();

        assertThat(side.getString("error.message")).contains("side must be 'bid'");
        assertThat(price.getString("error.message")).contains("price: price 1.5000 is outside [0, 1]");
    }

    @Test
    void settlement_pays_the_winning_side() {
        String ticker = SimMarkets.list("KXSIM");
        maker.post("/portfolio/events/orders", order(ticker, "ask", "0.5000", "4.00", "s1-" + ticker)).then().statusCode(201);
        trader.post("/portfolio/events/orders", order(ticker, "bid", "0.5000", "4.00", "s2-" + ticker)).then().statusCode(201);
        String before = trader.get("/portfolio/balance").then().extract().jsonPath().getString("balance_dollars");

        given().contentType(ContentType.JSON).body("{\"result\":\"yes\"}")
                .when().post("/sim/admin/markets/" + ticker + "/settle").then().statusCode(200);

        String after = trader.get("/portfolio/balance").then().extract().jsonPath().getString("balance_dollars");
        assertThat(new java.math.BigDecimal(after).subtract(new java.math.BigDecimal(before))).isEqualByComparingTo("4.00");
        assertThat(given().when().get("/trade-api/v2/markets/" + ticker).then().extract().jsonPath()
                .getString("market.result")).isEqualTo("yes");
    }

    @Test
    void flicker_moves_a_bid_of_the_simulators_own_then_leaves_the_book_as_it_was() {
        String ticker = SimMarkets.list("KXSIM");
        maker.post("/portfolio/events/orders", order(ticker, "ask", "0.6000", "10.00", "fl-" + ticker)).then()
                .statusCode(201);

        JsonPath moved = given().contentType(ContentType.JSON).body("{\"count\":5,\"low\":\"0.41\",\"high\":\"0.42\"}")
                .when().post("/sim/admin/markets/" + ticker + "/flicker").then().statusCode(200).extract().jsonPath();
        String crossing = given().contentType(ContentType.JSON).body("{\"count\":5,\"low\":\"0.41\",\"high\":\"0.60\"}")
                .when().post("/sim/admin/markets/" + ticker + "/flicker").then().statusCode(400).extract().asString();
        String offGrid = given().contentType(ContentType.JSON).body("{\"count\":5,\"low\":\"0.415\",\"high\":\"0.42\"}")
                .when().post("/sim/admin/markets/" + ticker + "/flicker").then().statusCode(400).extract().asString();
        String none = given().contentType(ContentType.JSON).body("{\"count\":0,\"low\":\"0.41\",\"high\":\"0.42\"}")
                .when().post("/sim/admin/markets/" + ticker + "/flicker").then().statusCode(400).extract().asString();

        assertThat(moved.getInt("moves")).isEqualTo(5);
        assertThat(crossing).contains("post-only");
        assertThat(offGrid).contains("0.415"); // refused at the first move, after the bid was placed
        assertThat(none).contains("count must be between 1 and 1000000");
        JsonPath book = given().when().get("/trade-api/v2/markets/" + ticker + "/orderbook").then().statusCode(200)
                .extract().jsonPath();
        assertThat(book.getList("orderbook_fp.yes_dollars")).isNullOrEmpty();
        assertThat(book.getList("orderbook_fp.no_dollars")).hasSize(1);
    }
}
