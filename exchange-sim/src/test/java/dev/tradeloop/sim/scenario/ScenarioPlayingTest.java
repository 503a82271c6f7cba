package dev.tradeloop.sim.scenario;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tradeloop.events.Prediction;
import dev.tradeloop.events.Topics;
import dev.tradeloop.testkit.KafkaTestResource;
import dev.tradeloop.testkit.TestKafka;
import dev.tradeloop.testkit.TopicReader;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The simulator waits for its start as {@code ./tradeloop up} has it wait, then plays the default
 * scenario on its timer and its model publishes to the real broker.
 */
@QuarkusTest
@TestProfile(ScenarioPlayingTest.DefaultScenario.class)
@WithTestResource(KafkaTestResource.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScenarioPlayingTest {

    /** The default scenario with the model feed on, waiting for its start. */
    public static class DefaultScenario implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("tradeloop.sim.scenario", "classpath:scenarios/default.json",
                    "tradeloop.sim.scenario-waits-for-start", "true",
                    "tradeloop.sim.model-feed", "true");
        }
    }

    @Test
    @Order(1)
    void the_scenario_plays_once_started_and_a_second_start_is_refused() {
        given().when().get("/sim/admin/scenario").then().statusCode(404);

        JsonPath started = given().when().post("/sim/admin/scenario/start").then().statusCode(200).extract()
                .jsonPath();
        String again = given().when().post("/sim/admin/scenario/start").then().statusCode(409).extract()
                .jsonPath().getString("error");

        assertThat(started.getString("scenario")).isEqualTo("default");
        assertThat(started.getInt("markets")).isEqualTo(5);
        assertThat(again).isEqualTo("the scenario is already playing");
        given().when().get("/sim/admin/scenario").then().statusCode(200);
    }

    @Test
    void the_model_feed_publishes_predictions_for_the_scenarios_markets() {
        try (TopicReader<Prediction> predictions = TestKafka.get().reader(Topics.PREDICTIONS)) {
            Prediction prediction = predictions.await(p -> p.marketTicker().equals("KXPAPER-CPI-T3.0"),
                    Duration.ofSeconds(30));

            assertThat(prediction.modelId()).isEqualTo("sim-model");
            assertThat(prediction.probabilityYes()).isBetween(new java.math.BigDecimal("0.01"), new java.math.BigDecimal("0.99"));
        }
    }

    @Test
    void the_makers_quote_every_market_of_the_scenario() {
        for (String ticker : new String[] {"KXPAPER-HIGHNY-T52", "KXPAPER-RAIN-NYC", "KXPAPER-FED-DEC",
                "KXPAPER-GDP-Q4", "KXPAPER-CPI-T3.0"}) {
            JsonPath book = given().when().get("/trade-api/v2/markets/" + ticker + "/orderbook").then()
                    .statusCode(200).extract().jsonPath();
            assertThat(book.getList("orderbook_fp.yes_dollars")).as(ticker).isNotEmpty();
            assertThat(book.getList("orderbook_fp.no_dollars")).as(ticker).isNotEmpty();
        }
        JsonPath scenario = given().when().get("/sim/admin/scenario").then().statusCode(200).extract().jsonPath();
        assertThat(scenario.getString("name")).isEqualTo("default");
        assertThat(scenario.getMap("true_probabilities")).containsKeys("KXPAPER-HIGHNY-T52", "KXPAPER-CPI-T3.0");
    }
}
