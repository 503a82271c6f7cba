package dev.tradeloop.portfolio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tradeloop.events.Alert;
import dev.tradeloop.events.AlertCode;
import dev.tradeloop.events.AlertSeverity;
import dev.tradeloop.events.Topics;
import dev.tradeloop.testkit.KafkaTestResource;
import dev.tradeloop.testkit.PostgresTestResource;
import dev.tradeloop.testkit.TestKafka;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Alerts reach a person through a JSON webhook on a real local HTTP receiver: retried while it
 * fails, sent once though the event came twice, and a repeat of the same alert within the window
 * not sent again.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
@WithTestResource(WebhookReceiver.class)
class AlertWebhookTest {

    @Test
    void an_exit_failure_is_retried_until_delivered_once_and_its_repeat_is_not_sent() {
        String position = "pos-" + UUID.randomUUID();
        Alert failed = new Alert(UUID.randomUUID(), Instant.now(), "corr-" + position, AlertSeverity.CRITICAL,
                AlertCode.EXIT_FAILED, "exit-service", "exit of " + position + " failed: no bid",
                Optional.of(position), Optional.of("KXHOOK-A"));
        Alert repeat = new Alert(UUID.randomUUID(), Instant.now().plusSeconds(1), "corr-" + position,
                AlertSeverity.CRITICAL, AlertCode.EXIT_FAILED, "exit-service", "exit of " + position
                        + " failed again", Optional.of(position), Optional.of("KXHOOK-A"));
        Alert other = new Alert(UUID.randomUUID(), Instant.now().plusSeconds(2), "corr-stale",
                AlertSeverity.WARNING, AlertCode.MONITOR_STALE, "monitor-service", "no tick for KXHOOK-A in 60 s",
                Optional.of(position), Optional.of("KXHOOK-A"));

        TestKafka kafka = TestKafka.get();
        kafka.produce(Topics.ALERTS, null, failed);
        kafka.produce(Topics.ALERTS, null, failed); // delivered twice by the log
        kafka.produce(Topics.ALERTS, null, repeat); // the same code about the same position, a second later
        await().atMost(Duration.ofSeconds(30)).until(() -> accepted().size() == 1);
        kafka.produce(Topics.ALERTS, null, other); // another code: sent
        await().atMost(Duration.ofSeconds(30)).until(() -> accepted().size() == 2);

        List<WebhookReceiver.Request> all = WebhookReceiver.REQUESTS;
        // refused twice (500), then accepted: the same alert each time, under its own idempotency key
        assertThat(all.subList(0, WebhookReceiver.FAILURES + 1)).extracting(WebhookReceiver.Request::idempotencyKey)
                .containsOnly(failed.eventId().toString());
        assertThat(accepted()).extracting(WebhookReceiver.Request::idempotencyKey)
                .containsExactly(failed.eventId().toString(), other.eventId().toString());
        assertThat(accepted().get(0).body()).contains(
                "\"text\":\"[CRITICAL] EXIT_FAILED from exit-service: exit of " + position + " failed: no bid\"",
                "\"content\":\"[CRITICAL] EXIT_FAILED", "\"positionId\":\"" + position + "\"",
                "\"correlationId\":\"corr-" + position + "\"");
        assertThat(all).noneMatch(request -> request.idempotencyKey().equals(repeat.eventId().toString()));
    }

    private static List<WebhookReceiver.Request> accepted() {
        return WebhookReceiver.REQUESTS.stream().filter(request -> request.status() == 204).toList();
    }
}
