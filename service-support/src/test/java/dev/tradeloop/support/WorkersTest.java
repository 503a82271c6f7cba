package dev.tradeloop.support;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradeloop.events.Alert;
import dev.tradeloop.events.AlertCode;
import dev.tradeloop.events.AlertSeverity;
import dev.tradeloop.events.Topics;
import dev.tradeloop.testkit.TestKafka;
import dev.tradeloop.testkit.TopicReader;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A thread or a timer's task that dies says so: the service goes unready and one CRITICAL alert
 * reaches the real broker's {@code alerts} topic; a round that only throws runs again.
 */
class WorkersTest {

    private static final Duration DEADLINE = Duration.ofSeconds(30);

    private final EventPublisher publisher = new EventPublisher(new KafkaClientSettings(
            TestKafka.get().bootstrapServers(), "order-service", TestKafka.get().servicePassword()), "order-service",
            new EventMetrics(new SimpleMeterRegistry()));
    private final Workers workers = new Workers(new Alerts(publisher, "order-service", Clock.systemUTC()));
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void stop() {
        timer.shutdownNow();
        publisher.close();
    }

    @Test
    void a_round_that_throws_is_run_again_and_the_service_stays_ready() {
        AtomicInteger rounds = new AtomicInteger();
        timer.scheduleWithFixedDelay(workers.rounds("flaky-task", () -> {
            if (rounds.incrementAndGet() <= 2) {
                throw new IllegalStateException("round " + rounds.get() + " failed");
            }
        }), 0, 10, TimeUnit.MILLISECONDS);

        Awaitility.await().atMost(DEADLINE).until(() -> rounds.get() >= 5);
        assertThat(workers.stopped()).isEmpty();
        assertThat(new WorkersHealthCheck(workers).call().getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
    }

    @Test
    void a_timer_task_stopped_by_an_error_makes_the_service_unready_and_raises_one_alert() {
        String task = "doomed-task-" + UUID.randomUUID();
        try (TopicReader<Alert> alerts = TestKafka.get().reader(Topics.ALERTS)) {
            timer.scheduleWithFixedDelay(workers.rounds(task, () -> {
                throw new StackOverflowError("provoked");
            }), 0, 10, TimeUnit.MILLISECONDS);

            Alert alert = alerts.await(a -> a.code() == AlertCode.WORKER_STOPPED && a.message().startsWith(task),
                    DEADLINE);
            assertThat(alert.severity()).isEqualTo(AlertSeverity.CRITICAL);
            assertThat(alert.message()).contains("StackOverflowError: provoked");
            HealthCheckResponse ready = new WorkersHealthCheck(workers).call();
            assertThat(ready.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
            assertThat(ready.getData()).hasValueSatisfying(data -> assertThat(data).containsKey(task));
            assertThat(alerts.decoded()).filteredOn(a -> a.message().startsWith(task)).hasSize(1);
        }
    }

    @Test
    void a_thread_whose_loop_dies_of_an_error_says_so() throws InterruptedException {
        String relay = "relay-" + UUID.randomUUID();
        try (TopicReader<Alert> alerts = TestKafka.get().reader(Topics.ALERTS)) {
            Thread thread = new Thread(workers.loop(relay, () -> {
                throw new OutOfMemoryError("provoked");
            }), relay);
            thread.setUncaughtExceptionHandler((t, e) -> { });
            thread.start();
            thread.join(DEADLINE.toMillis());

            assertThat(workers.stopped()).containsEntry(relay, "OutOfMemoryError: provoked");
            assertThat(alerts.await(a -> a.code() == AlertCode.WORKER_STOPPED && a.message().startsWith(relay),
                    DEADLINE).message()).contains("the service is not ready");
        }
    }
}
