package dev.tradeloop.order;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tradeloop.events.Alert;
import dev.tradeloop.events.AlertCode;
import dev.tradeloop.events.AlertSeverity;
import dev.tradeloop.events.Topics;
import dev.tradeloop.testkit.ExchangeTestResource;
import dev.tradeloop.testkit.KafkaTestResource;
import dev.tradeloop.testkit.PostgresTestResource;
import dev.tradeloop.testkit.TestKafka;
import dev.tradeloop.testkit.TopicReader;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.smallrye.reactive.messaging.providers.extension.HealthCenter;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * A consumer channel that SmallRye stops (it reports the failure, as it does when processing throws
 * past the consumer) makes order-service unready, naming the channel, and raises one CRITICAL
 * alert. The application stays unready for the test classes after this one: none of them reads
 * readiness (the test kit's broker cannot be restarted for an application of its own).
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
@WithTestResource(ExchangeTestResource.class)
class StoppedChannelTest {

    private static final Duration DEADLINE = Duration.ofSeconds(30);

    @Inject
    HealthCenter health;

    @Test
    void a_channel_that_stops_makes_the_service_unready_and_raises_one_alert() {
        OrderFixtures.tradingIs(dev.tradeloop.events.TradingMode.ACTIVE);
        try (TopicReader<Alert> alerts = TestKafka.get().reader(Topics.ALERTS)) {
            health.reportApplicationFailure(Topics.APPROVED_TRADES_NAME,
                    new IllegalStateException("processing failed past the consumer"));

            JsonPath ready = Awaitility.await("readiness to go DOWN").atMost(DEADLINE)
                    .until(() -> given().get("/q/health/ready").then().extract(), answer -> answer.statusCode() == 503
                            && "DOWN".equals(answer.jsonPath().getString("checks.find { it.name == 'workers' }.status")))
                    .jsonPath();
            // SmallRye names a failure the application reports "application-<channel>"
            assertThat(ready.getMap("checks.find { it.name == 'workers' }.data"))
                    .hasEntrySatisfying("channel application-approved-trades", why -> assertThat(String.valueOf(why))
                            .contains("processing failed past the consumer"));

            Alert alert = alerts.await(a -> a.code() == AlertCode.WORKER_STOPPED
                    && a.message().startsWith("channel application-approved-trades stopped"), DEADLINE);
            assertThat(alert.severity()).isEqualTo(AlertSeverity.CRITICAL);
            List<Alert> again = alerts.decoded().stream().filter(a -> a.code() == AlertCode.WORKER_STOPPED).toList();
            assertThat(again).hasSize(1);
        }
    }
}
