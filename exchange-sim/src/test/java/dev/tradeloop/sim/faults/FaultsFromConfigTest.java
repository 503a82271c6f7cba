package dev.tradeloop.sim.faults;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Faults listed in the configuration are armed when the simulator starts, and hit their operation. */
@QuarkusTest
@TestProfile(FaultsFromConfigTest.WithFaults.class)
class FaultsFromConfigTest {

    /** Two faults configured. */
    public static class WithFaults implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("tradeloop.sim.faults", "SERVER_ERROR:markets:1,LATENCY:market:2:50");
        }
    }

    @Test
    void configured_faults_are_armed_at_start_and_used_up() {
        JsonPath armed = given().when().get("/sim/admin/faults").then().statusCode(200).extract().jsonPath();
        assertThat(armed.getList("kind")).containsExactly("SERVER_ERROR", "LATENCY");

        given().when().get("/trade-api/v2/markets").then().statusCode(500);
        given().when().get("/trade-api/v2/markets").then().statusCode(200);

        assertThat(given().when().get("/sim/admin/faults").then().extract().jsonPath().getList("kind"))
                .containsExactly("LATENCY");
    }
}
