package dev.tradeloop.edge;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tradeloop.events.DeadLetter;
import dev.tradeloop.events.Prediction;
import dev.tradeloop.events.Topics;
import dev.tradeloop.events.json.DecodeFailure;
import dev.tradeloop.testkit.KafkaTestResource;
import dev.tradeloop.testkit.TestKafka;
import dev.tradeloop.testkit.TopicReader;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** The prediction intake and the predictions consumer of edge-service, on a real broker. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
class PredictionIntakeTest {

    private static final Duration DEADLINE = Duration.ofSeconds(30);

    private static String body(String ticker, String probability, String confidence, String modelId) {
        return "{\"marketTicker\":\"" + ticker + "\",\"probabilityYes\":" + probability + ",\"confidence\":" + confidence
                + (modelId == null ? "" : ",\"modelId\":\"" + modelId + "\"") + ",\"modelVersion\":\"2.1\"}";
    }

    /** A request signed in as model nws (the test credentials, src/test/resources/models/credentials). */
    private static io.restassured.specification.RequestSpecification asNws() {
        return given().contentType(ContentType.JSON).header("Authorization", "Bearer nws:nws-test-secret");
    }

    private static String ticker() {
        return "KXEDGE-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    @Test
    void a_valid_prediction_is_published_and_read_back_as_the_latest_for_its_market() {
        String ticker = ticker();

        String eventId = asNws().body(body(ticker, "0.62", "\"0.80\"", "nws"))
                .when().post("/predictions").then().statusCode(202).extract().jsonPath().getString("eventId");

        try (TopicReader<Prediction> predictions = TestKafka.get().reader(Topics.PREDICTIONS)) {
            Prediction published = predictions.await(p -> p.eventId().toString().equals(eventId), DEADLINE);
            assertThat(published.marketTicker()).isEqualTo(ticker);
            assertThat(published.probabilityYes()).isEqualByComparingTo("0.62");
            assertThat(published.confidence()).isEqualByComparingTo("0.80");
            assertThat(published.modelId()).isEqualTo("nws");
        }
        awaitLatest(ticker, eventId);
    }

    @Test
    void an_absurd_or_incomplete_prediction_gets_a_400_that_names_the_field() {
        String ticker = ticker();

        String outside = asNws().body(body(ticker, "1.2", "0.8", "nws"))
                .when().post("/predictions").then().statusCode(400).extract().jsonPath().getString("error");
        String missing = asNws().body(body(ticker, "0.5", "0.8", null))
                .when().post("/predictions").then().statusCode(400).extract().jsonPath().getString("error");
        String negative = asNws().body(body(ticker, "0.5", "-0.1", "nws"))
                .when().post("/predictions").then().statusCode(400).extract().jsonPath().getString("error");

        String notANumber = asNws().body(body(ticker, "\"abc\"", "0.8", "nws"))
                .when().post("/predictions").then().statusCode(400).extract().asString();

        assertThat(notANumber).contains("probabilityYes");
        assertThat(outside).isEqualTo("probabilityYes 1.2 is outside [0, 1]");
        assertThat(missing).isEqualTo("modelId is missing");
        assertThat(negative).isEqualTo("confidence -0.1 is outside [0, 1]");
        given().when().get("/predictions/" + ticker).then().statusCode(404);
    }

    @Test
    void only_a_registered_model_with_its_credential_posts_and_only_in_its_own_name() {
        String ticker = ticker();
        String body = body(ticker, "0.62", "0.8", "nws");

        String none = given().contentType(ContentType.JSON).body(body).when().post("/predictions").then()
                .statusCode(401).header("WWW-Authenticate", "Bearer").extract().jsonPath().getString("error");
        for (String wrong : new String[] {"Bearer nws:not-the-secret", "Bearer nobody:nws-test-secret",
                "Bearer nws-test-secret", "Basic bndzOm53cy10ZXN0LXNlY3JldA==", "Bearer nws:"}) {
            given().contentType(ContentType.JSON).header("Authorization", wrong).body(body).when()
                    .post("/predictions").then().statusCode(401);
        }
        // model other, signed in as itself, may not speak for nws
        String foreign = given().contentType(ContentType.JSON).header("Authorization", "Bearer other:other-test-secret")
                .body(body).when().post("/predictions").then().statusCode(403).extract().jsonPath().getString("error");
        // and even a body the reader would refuse is refused as unauthenticated first
        given().contentType(ContentType.JSON).body("{not json").when().post("/predictions").then().statusCode(401);

        assertThat(none).contains("Authorization: Bearer MODEL-ID:SECRET");
        assertThat(foreign).contains("model other may post only its own predictions");
        given().when().get("/predictions/" + ticker).then().statusCode(404);
        asNws().body(body).when().post("/predictions").then().statusCode(202);
    }

    @Test
    void a_huge_exponent_gets_a_400_that_names_the_field_and_the_service_goes_on() {
        String ticker = ticker();
        for (String huge : new String[] {"1E+300000000", "1E-999999999", "\"1E+300000000\""}) {
            String answer = asNws().body(body(ticker, huge, "0.8", "nws"))
                    .when().post("/predictions").then().statusCode(400).extract().asString();
            assertThat(answer).contains("probabilityYes").contains("is refused").doesNotContain("300000000");
        }
        given().when().get("/predictions/" + ticker).then().statusCode(404);
        asNws().body(body(ticker, "0.62", "0.8", "nws"))
                .when().post("/predictions").then().statusCode(202);
    }

    @Test
    void a_malformed_message_on_the_topic_is_dead_lettered_and_the_next_one_is_read() {
        String ticker = ticker();
        TestKafka kafka = TestKafka.get();

        kafka.produceRaw(Topics.PREDICTIONS.name(), ticker, "{\"type\":\"Prediction\",".getBytes(StandardCharsets.UTF_8));
        Prediction next = new Prediction(UUID.randomUUID(), Instant.now(), "after-bad", ticker,
                new java.math.BigDecimal("0.41"), new java.math.BigDecimal("0.7"), "m", "1");
        kafka.produce(Topics.PREDICTIONS, ticker, next);

        try (TopicReader<DeadLetter> deadLetters = kafka.reader(Topics.deadLetterOf(Topics.PREDICTIONS))) {
            DeadLetter letter = deadLetters.await(l -> l.key().equals(java.util.Optional.of(ticker)), DEADLINE);
            assertThat(letter.consumer()).isEqualTo("edge-service");
            assertThat(letter.failure()).isEqualTo(DecodeFailure.MALFORMED_JSON);
            assertThat(letter.payload()).isEqualTo("{\"type\":\"Prediction\",");
        }
        awaitLatest(ticker, next.eventId().toString());
    }

    private static void awaitLatest(String ticker, String eventId) {
        Awaitility.await("edge-service to read prediction " + eventId + " for " + ticker).atMost(DEADLINE)
                .pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    var answer = given().when().get("/predictions/" + ticker).then().extract();
                    return answer.statusCode() == 200 && eventId.equals(answer.jsonPath().getString("eventId"));
                });
    }
}
