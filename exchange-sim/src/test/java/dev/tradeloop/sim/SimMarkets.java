package dev.tradeloop.sim;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** Lists a fresh market on the simulator under test, through its admin endpoint. */
public final class SimMarkets {

    private SimMarkets() {
    }

    /** A new market of event {@code eventTicker}, open now, closing in two hours; returns its ticker. */
    public static String list(String eventTicker) {
        return list(eventTicker, "linear_cent", 0);
    }

    /** A new market as {@link #list(String)}, priced on {@code priceLevelStructure}, on exchange shard {@code shard}. */
    public static String list(String eventTicker, String priceLevelStructure, int shard) {
        return list(eventTicker, priceLevelStructure, shard, "");
    }

    /** A new market as {@link #list(String)} whose series charges {@code feeType} times {@code feeMultiplier}. */
    public static String listWithFees(String eventTicker, String feeType, String feeMultiplier) {
        return list(eventTicker, "linear_cent", 0, ",\"fee_type\":\"" + feeType + "\",\"fee_multiplier\":" + feeMultiplier);
    }

    private static String list(String eventTicker, String priceLevelStructure, int shard, String more) {
        String ticker = eventTicker + "-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        given().contentType(ContentType.JSON)
                .body("{\"ticker\":\"" + ticker + "\",\"event_ticker\":\"" + eventTicker + "\",\"title\":\"Test "
                        + eventTicker + "\",\"close_time\":\"" + Instant.now().plus(2, ChronoUnit.HOURS)
                        + "\",\"price_level_structure\":\"" + priceLevelStructure + "\",\"exchange_index\":" + shard
                        + more + "}")
                .when().post("/sim/admin/markets").then().statusCode(201);
        return ticker;
    }
}
