package dev.tradeloop.ledger;

import dev.tradeloop.events.OperationalError.ErrorKind;
import dev.tradeloop.support.EventPublisher;
import dev.tradeloop.support.OperationalErrors;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

/**
 * Publishes the outbox in order, in a thread of its own: woken by each ledger change (and every
 * 200 ms regardless), it sends what is unpublished to its topic, waits for the broker, and marks it.
 * What was committed but not yet published when the service died goes out at the next start, with
 * the same event id, so consumers that skip known ids see it once.
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
    private final Semaphore wakeUp = new Semaphore(0);
    private volatile boolean running;
    private Thread thread;

    public OutboxRelay(DataSource dataSource, EventPublisher publisher, OperationalErrors errors, Clock clock) {
        this.dataSource = dataSource;
        this.publisher = publisher;
        this.errors = errors;
        this.clock = clock;
    }

    void onStart(@Observes StartupEvent start) {
        running = true;
        thread = new Thread(this::run, "outbox-relay");
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

    private record Row(long seq, String topic, String key, String payload) {
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
                    publisher.publishEncoded(row.topic(), row.key(), row.payload().getBytes(StandardCharsets.UTF_8));
                    markPublished(connection, row.seq());
                }
                return rows.size();
            } finally {
                relayLock(connection, "pg_advisory_unlock");
            }
        }
    }

    private static boolean relayLock(Connection connection, String function) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement(
                "SELECT " + function + "(?, hashtext(current_schema()))")) {
            lock.setInt(1, LOCK_SPACE);
            try (ResultSet locked = lock.executeQuery()) {
                return locked.next() && locked.getBoolean(1);
            }
        }
    }

    private static List<Row> unpublished(Connection connection) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT seq, topic, record_key, payload FROM outbox WHERE published_at IS NULL ORDER BY seq LIMIT ?")) {
            select.setInt(1, BATCH);
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    rows.add(new Row(result.getLong(1), result.getString(2), result.getString(3), result.getString(4)));
                }
            }
        }
        return rows;
    }

    private void markPublished(Connection connection, long seq) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE outbox SET published_at = ? WHERE seq = ?")) {
            update.setTimestamp(1, Timestamp.from(clock.instant()));
            update.setLong(2, seq);
            update.executeUpdate();
        }
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
