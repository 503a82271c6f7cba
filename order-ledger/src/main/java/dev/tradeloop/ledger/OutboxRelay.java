package dev.tradeloop.ledger;

import dev.tradeloop.events.AlertCode;
import dev.tradeloop.events.AlertSeverity;
import dev.tradeloop.events.OperationalError.ErrorKind;
import dev.tradeloop.support.Alerts;
import dev.tradeloop.support.EventMetrics;
import dev.tradeloop.support.EventPublisher.RecordRefusedException;
import dev.tradeloop.support.EventPublisher;
import dev.tradeloop.support.OperationalErrors;
import dev.tradeloop.support.Workers;
import dev.tradeloop.support.jdbc.Sql;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

/**
 * Publishes the outbox in order, in a thread of its own: woken by each ledger change (and every
 * 200 ms regardless), it sends what is unpublished to its topic, waits for the broker, and marks it.
 * What was committed but not yet published when the service died goes out at the next start, with
 * the same event id, so consumers that skip known ids see it once. A row the broker refuses for good
 * is moved to {@code outbox_dead_letter} with the reason and an alert, and the rows behind it go on;
 * a broker that is away is waited for, the row kept.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final int BATCH = 500;
    /** The first key of the relay's lock; the second is the schema's hash. */
    static final int LOCK_SPACE = 1;

    private final DataSource dataSource;
    private final EventPublisher publisher;
    private final OperationalErrors errors;
    private final Clock clock;
    private final EventMetrics metrics;
    private final Alerts alerts;
    private final Semaphore wakeUp = new Semaphore(0);
    private volatile boolean running;
    private Thread thread;

    public OutboxRelay(DataSource dataSource, EventPublisher publisher, OperationalErrors errors, Clock clock,
            EventMetrics metrics, Alerts alerts, Workers workers) {
        this.workers = workers;
        this.dataSource = dataSource;
        this.publisher = publisher;
        this.errors = errors;
        this.clock = clock;
        this.metrics = metrics;
        this.alerts = alerts;
    }

    void onStart(@Observes StartupEvent start) {
        running = true;
        thread = new Thread(workers.loop("outbox-relay", this::run), "outbox-relay");
        thread.setDaemon(true);
        thread.start();
    }

    void onStop(@Observes ShutdownEvent stop) throws InterruptedException {
        running = false;
        wake();
        if (thread != null) {
            thread.join(5_000);
        }
    }

    /** Something was written to the outbox: publish it now rather than at the next round. */
    public void wake() {
        wakeUp.release();
    }

    /** {@code events} were committed to the outbox: counted by what they report, and published soon. */
    void committed(List<Outgoing> events) {
        if (events.isEmpty()) {
            return;
        }
        events.forEach(event -> metrics.recorded(event.event()));
        wake();
    }

    private final Workers workers;

    private record Row(long seq, String topic, String key, String payload, String type) {
    }

    private void run() {
        while (running) {
            try {
                wakeUp.tryAcquire(200, TimeUnit.MILLISECONDS);
                wakeUp.drainPermits();
                while (relayBatch() == BATCH) {
                    // a full batch: there may be more
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (SQLException e) {
                errors.report(ErrorKind.DATABASE, "relay the outbox", e.getMessage(), "outbox");
                pause();
            } catch (RuntimeException e) {
                Log.errorf("the outbox relay could not publish: %s", e.getMessage());
                pause();
            }
        }
    }

    /**
     * Publishes up to a batch of unpublished events, in order; returns how many it published. One
     * instance of a service relays at a time (a PostgreSQL lock, per schema): another that holds it
     * publishes these rows too.
     */
    int relayBatch() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            if (!relayLock(connection, "pg_try_advisory_lock")) {
                return 0;
            }
            try {
                List<Row> rows = unpublished(connection);
                for (Row row : rows) {
                    try {
                        publisher.publishEncoded(row.topic(), row.key(), row.payload().getBytes(StandardCharsets.UTF_8),
                                row.type() == null ? "unknown" : row.type());
                        markPublished(connection, row.seq());
                    } catch (RecordRefusedException refused) {
                        deadLetter(connection, row, refused.getMessage());
                    }
                }
                return rows.size();
            } finally {
                relayLock(connection, "pg_advisory_unlock");
            }
        }
    }

    private static boolean relayLock(Connection connection, String function) throws SQLException {
        return Sql.first(connection, "SELECT " + function + "(?, hashtext(current_schema()))",
                row -> row.getBoolean(1), LOCK_SPACE).orElse(false);
    }

    private static List<Row> unpublished(Connection connection) throws SQLException {
        return Sql.list(connection, """
                SELECT seq, topic, record_key, payload, event_type FROM outbox WHERE published_at IS NULL
                ORDER BY seq LIMIT ?""", row -> new Row(row.getLong("seq"), row.getString("topic"),
                row.getString("record_key"), row.getString("payload"), row.getString("event_type")), BATCH);
    }

    private void markPublished(Connection connection, long seq) throws SQLException {
        Sql.update(connection, "UPDATE outbox SET published_at = ? WHERE seq = ?", clock.instant(), seq);
    }

    /** Moves a row the broker will never take out of the outbox, in one transaction, and says so. */
    private void deadLetter(Connection connection, Row row, String reason) throws SQLException {
        connection.setAutoCommit(false);
        try {
            Sql.update(connection, """
                    INSERT INTO outbox_dead_letter
                        (seq, event_id, topic, record_key, payload, event_type, created_at, dead_at, reason)
                    SELECT seq, event_id, topic, record_key, payload, event_type, created_at, ?, ? FROM outbox
                    WHERE seq = ? ON CONFLICT (seq) DO NOTHING""", clock.instant(), reason, row.seq());
            Sql.update(connection, "DELETE FROM outbox WHERE seq = ?", row.seq());
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
        metrics.deadLettered("outbox");
        alerts.raise(AlertSeverity.CRITICAL, AlertCode.DEAD_LETTER, "outbox row " + row.seq() + " (" + row.type()
                + " for " + row.topic() + ", key " + row.key() + ") was never published and is kept in"
                + " outbox_dead_letter: " + reason, "outbox-" + row.seq(), Optional.empty(), Optional.empty());
    }

    /** After a failure, before trying again: the broker or the database needs a moment. */
    private void pause() {
        try {
            Thread.sleep(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
