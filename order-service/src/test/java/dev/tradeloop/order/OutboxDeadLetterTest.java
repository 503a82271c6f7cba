package dev.tradeloop.order;

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
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Rows of the outbox that the broker can never take (a topic outside the catalog, a record larger
 * than the broker accepts) are moved to {@code outbox_dead_letter} with their reason and an alert;
 * the rows behind them are published.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
@WithTestResource(ExchangeTestResource.class)
class OutboxDeadLetterTest {

    private static final Duration DEADLINE = Duration.ofSeconds(45);

    @Inject
    DataSource dataSource;

    private record Stored(long seq, String reason) {
    }

    @Test
    void rows_the_broker_refuses_for_good_are_set_aside_with_their_reason_and_the_rows_behind_them_go_out()
            throws SQLException {
        TestKafka kafka = TestKafka.get();
        Alert behind = new Alert(UUID.randomUUID(), Instant.now(), "outbox-test", AlertSeverity.INFO,
                AlertCode.SERVICE_ERROR, "outbox-test", "the row behind the bad ones", Optional.empty(),
                Optional.empty());

        try (TopicReader<Alert> alerts = kafka.reader(Topics.ALERTS)) {
            long unknownTopic;
            long tooLarge;
            long good;
            try (Connection connection = dataSource.getConnection()) {
                unknownTopic = insert(connection, "no-such-topic", "{\"type\":\"Alert\"}");
                tooLarge = insert(connection, Topics.ALERTS.name(), "x".repeat(2 * 1024 * 1024));
                good = insert(connection, Topics.ALERTS.name(),
                        new String(Topics.ALERTS.codec().encode(behind), StandardCharsets.UTF_8));
            }

            Alert published = alerts.await(a -> a.eventId().equals(behind.eventId()), DEADLINE);
            assertThat(published.message()).isEqualTo("the row behind the bad ones");
            List<Alert> said = alerts.awaitCount(a -> a.code() == AlertCode.DEAD_LETTER
                    && (a.message().startsWith("outbox row " + unknownTopic + " ")
                            || a.message().startsWith("outbox row " + tooLarge + " ")), 2, DEADLINE);
            assertThat(said).allMatch(a -> a.severity() == AlertSeverity.CRITICAL);

            List<Stored> deadLetters = deadLetters();
            assertThat(deadLetters).extracting(Stored::seq).contains(unknownTopic, tooLarge).doesNotContain(good);
            assertThat(reasonOf(deadLetters, unknownTopic)).contains("no catalog topic is named no-such-topic");
            assertThat(reasonOf(deadLetters, tooLarge)).contains("larger than 1048576").contains(Topics.ALERTS.name());
            assertThat(unpublishedSeqs()).doesNotContain(unknownTopic, tooLarge, good);
        }
    }

    private static String reasonOf(List<Stored> deadLetters, long seq) {
        return deadLetters.stream().filter(d -> d.seq() == seq).findFirst().orElseThrow().reason();
    }

    private static long insert(Connection connection, String topic, String payload) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO outbox (event_id, topic, record_key, payload, event_type, created_at)
                VALUES (?, ?, 'outbox-test', ?, 'Alert', now()) RETURNING seq""")) {
            insert.setObject(1, UUID.randomUUID());
            insert.setString(2, topic);
            insert.setString(3, payload);
            try (ResultSet seq = insert.executeQuery()) {
                seq.next();
                return seq.getLong(1);
            }
        }
    }

    private List<Stored> deadLetters() throws SQLException {
        List<Stored> rows = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("SELECT seq, reason FROM outbox_dead_letter");
                ResultSet result = select.executeQuery()) {
            while (result.next()) {
                rows.add(new Stored(result.getLong(1), result.getString(2)));
            }
        }
        return rows;
    }

    private List<Long> unpublishedSeqs() throws SQLException {
        List<Long> seqs = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT seq FROM outbox WHERE published_at IS NULL");
                ResultSet result = select.executeQuery()) {
            while (result.next()) {
                seqs.add(result.getLong(1));
            }
        }
        return seqs;
    }
}
