package dev.tradeloop.sim.rest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradeloop.sim.SimMarkets;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** The account's rate limits, enforced as Kalshi enforces them, at the Basic tier. */
@QuarkusTest
@TestProfile(RateLimitsTest.BasicTier.class)
class RateLimitsTest {

    /** The simulator's accounts at Kalshi's Basic tier: writes 100 tokens a second, one second of them. */
    public static final class BasicTier implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("tradeloop.sim.usage-tier", "basic");
        }
    }

    private final SignedRequests trader = SignedRequests.trader();

    private static String order(String ticker, int n) {
        return "{\"ticker\":\"" + ticker + "\",\"side\":\"bid\",\"price\":\"0.10\",\"count\":\"1.00\","
                + "\"time_in_force\":\"good_till_canceled\",\"self_trade_prevention_type\":\"taker_at_cross\","
                + "\"client_order_id\":\"rl-" + n + "-" + ticker + "\"}";
    }

    @Test
    void a_burst_past_the_write_bucket_gets_kalshis_429_does_nothing_and_the_bucket_refills() throws Exception {
        String ticker = SimMarkets.list("KXRATE");
        JsonPath limits = trader.get("/account/limits").then().statusCode(200).extract().jsonPath();
        // 40 creates at once, 400 tokens' worth, against a bucket of 100 that refills 100 a second
        java.util.concurrent.ExecutorService senders = java.util.concurrent.Executors.newFixedThreadPool(8);
        java.util.List<java.util.concurrent.Future<io.restassured.response.Response>> answers = new java.util.ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String body = order(ticker, i);
            answers.add(senders.submit(() -> trader.post("/portfolio/events/orders", body)));
        }
        int accepted = 0;
        java.util.Set<String> refusals = new java.util.HashSet<>();
        for (var answer : answers) {
            io.restassured.response.Response response = answer.get();
            if (response.statusCode() == 201) {
                accepted++;
            } else {
                assertThat(response.statusCode()).isEqualTo(429);
                refusals.add(response.asString());
            }
        }
        senders.shutdown();

        assertThat(limits.getString("usage_tier")).isEqualTo("basic");
        assertThat(limits.getInt("write.bucket_capacity")).isEqualTo(100);
        assertThat(accepted).isBetween(10, 39);
        assertThat(refusals).containsExactly("{\"error\":\"too many requests\"}");
        assertThat(trader.get("/portfolio/orders?ticker=" + ticker).then().extract().jsonPath().getList("orders"))
                .hasSize(accepted);
        Awaitility.await("the write bucket to refill").atMost(Duration.ofSeconds(3))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> trader.post("/portfolio/events/orders", order(ticker, 99)).statusCode() == 201);
    }
}
