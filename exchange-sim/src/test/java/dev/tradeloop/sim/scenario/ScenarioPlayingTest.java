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
import org.junit.jupiter.api.Test;

/** The simulator plays the default scenario on its timer and its model publishes to the real broker. */
@QuarkusTest
@TestProfile(ScenarioPlayingTest.DefaultScenario.class)
@WithTestResource(KafkaTestResource.class)
class ScenarioPlayingTest {

    /** The default scenario with the model feed on. */
    public static class DefaultScenario implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("tradeloop.sim.scenario", "classpath:scenarios/default.json",
                    "tradeloop.sim.model-feed", "true");
        }
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
