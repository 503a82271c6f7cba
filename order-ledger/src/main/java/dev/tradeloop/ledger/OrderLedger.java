package dev.tradeloop.ledger;

import dev.tradeloop.events.Action;
import dev.tradeloop.events.OrderPurpose;
import dev.tradeloop.events.Side;
import dev.tradeloop.events.money.Contracts;
import dev.tradeloop.events.money.Money;
import dev.tradeloop.events.money.Price;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The order ledger in PostgreSQL. Every change is one transaction that also writes the events
 * reporting it to the outbox, so what the ledger says and what the topics say never disagree:
 * the {@link OutboxRelay} publishes them after the commit.
 */
@ApplicationScoped
public class OrderLedger {

    /** A fill to record once, by its trade id. */
    public record FillRecord(String tradeId, String clientOrderId, String positionId, Contracts count, Price price,
            Money fee, Instant executedAt) {
    }

    private final DataSource dataSource;
    private final Clock clock;
    private final OutboxRelay relay;

    public OrderLedger(DataSource dataSource, Clock clock, OutboxRelay relay) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.relay = relay;
    }

    /** Records a new execution; false when it was recorded before (a redelivered request). */
    public boolean open(Execution execution) throws SQLException {
        return transaction(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO execution (execution_id, position_id, purpose, request_json, status, created_at, updated_at)
                    VALUES (?, ?, ?, ?, 'ACTIVE', ?, ?) ON CONFLICT (execution_id) DO NOTHING""")) {
                insert.setString(1, execution.executionId());
                insert.setString(2, execution.positionId());
                insert.setString(3, execution.purpose().name());
                insert.setString(4, execution.requestJson());
                insert.setTimestamp(5, now());
                insert.setTimestamp(6, now());
                return insert.executeUpdate() == 1;
            }
        }, List.of());
    }

    /** The executions not finished, oldest first: what a restarted service resumes. */
    public List<Execution> active(OrderPurpose purpose) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("""
                        SELECT execution_id, position_id, purpose, request_json FROM execution
                        WHERE status = 'ACTIVE' AND purpose = ? ORDER BY created_at""")) {
            select.setString(1, purpose.name());
            try (ResultSet rows = select.executeQuery()) {
                List<Execution> active = new ArrayList<>();
                while (rows.next()) {
                    active.add(new Execution(rows.getString(1), rows.getString(2),
                            OrderPurpose.valueOf(rows.getString(3)), rows.getString(4)));
                }
                return active;
            }
        }
    }

    /**
     * The position's executions of this purpose for this instance alone, or empty while another
     * instance works them. Hold it for as long as the work goes on; close it when done.
     */
    public Optional<Claim> claim(OrderPurpose purpose, String positionId) throws SQLException {
        return tryLock(lockSpace(purpose), "?", positionId);
    }

    /**
     * The unfinished executions of this purpose that no instance is working, oldest first: the ones
     * left by an instance that stopped or died, for another to resume.
     */
    public List<Execution> unclaimed(OrderPurpose purpose) throws SQLException {
        List<Execution> unclaimed = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement probe = connection.prepareStatement("""
                        SELECT CASE WHEN pg_try_advisory_lock(?, hashtext(?)) THEN pg_advisory_unlock(?, hashtext(?))
                        ELSE false END""")) {
            for (Execution execution : active(purpose)) {
                probe.setInt(1, lockSpace(purpose));
                probe.setString(2, execution.positionId());
                probe.setInt(3, lockSpace(purpose));
                probe.setString(4, execution.positionId());
                try (ResultSet free = probe.executeQuery()) {
                    free.next();
                    if (free.getBoolean(1)) {
                        unclaimed.add(execution);
                    }
                }
            }
        }
        return unclaimed;
    }

    /** Whether the execution is still to be worked (another instance may have finished it meanwhile). */
    public boolean isActive(String executionId) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT status = 'ACTIVE' FROM execution WHERE execution_id = ?")) {
            select.setString(1, executionId);
            try (ResultSet row = select.executeQuery()) {
                return row.next() && row.getBoolean(1);
            }
        }
    }

    /** The first key of the reconciliation's lock: one instance of a service reconciles its ledger at a time. */
    private static final int RECONCILIATION_LOCK_SPACE = 2;

    /**
     * The ledger's reconciliation for this instance alone, or empty while another instance runs one
     * (two would record the same late fill twice over, and cancel the same orphan twice).
     */
    public Optional<Claim> claimReconciliation() throws SQLException {
        return tryLock(RECONCILIATION_LOCK_SPACE, "current_schema()", null);
    }

    /**
     * A session lock on a connection of its own, {@code (space, hashtext(key))}, held until the
     * claim is closed; empty (and the connection given back) when another session holds it.
     * {@code key} is SQL: {@code ?} (bound to {@code value}) or an expression.
     */
    private Optional<Claim> tryLock(int space, String key, String value) throws SQLException {
        Connection connection = dataSource.getConnection();
        try (PreparedStatement lock = connection.prepareStatement(
                "SELECT pg_try_advisory_lock(?, hashtext(" + key + "))")) {
            lock.setInt(1, space);
            if (value != null) {
                lock.setString(2, value);
            }
            try (ResultSet locked = lock.executeQuery()) {
                locked.next();
                if (locked.getBoolean(1)) {
                    return Optional.of(new Claim(connection));
                }
            }
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
        connection.close();
        return Optional.empty();
    }

    /** The first key of a purpose's position locks; the outbox relay's lock is {@link OutboxRelay#LOCK_SPACE}. */
    private static int lockSpace(OrderPurpose purpose) {
        return 100 + purpose.ordinal();
    }

    /** Every execution for a position, oldest first, with its attempts. */
    public List<ExecutionRecord> executionsOf(String positionId) throws SQLException {
        List<ExecutionRecord> found = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("""
                        SELECT execution_id, purpose, status, created_at FROM execution
                        WHERE position_id = ? ORDER BY created_at, execution_id""")) {
            select.setString(1, positionId);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    found.add(new ExecutionRecord(rows.getString(1), positionId, OrderPurpose.valueOf(rows.getString(2)),
                            rows.getString(3), rows.getTimestamp(4).toInstant(), List.of()));
                }
            }
        }
        List<ExecutionRecord> withAttempts = new ArrayList<>();
        for (ExecutionRecord execution : found) {
            withAttempts.add(new ExecutionRecord(execution.executionId(), positionId, execution.purpose(),
                    execution.status(), execution.createdAt(), attempts(execution.executionId())));
        }
        return withAttempts;
    }

    public void finish(String executionId, List<Outgoing> events) throws SQLException {
        transaction(connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE execution SET status = 'DONE', updated_at = ? WHERE execution_id = ?")) {
                update.setTimestamp(1, now());
                update.setString(2, executionId);
                return update.executeUpdate();
            }
        }, events);
    }

    private static final String ATTEMPT_COLUMNS = """
            SELECT client_order_id, execution_id, attempt, market_ticker, side, action, price, count,
                   time_in_force, status, exchange_order_id, filled, placed_at FROM order_attempt""";

    /** Every attempt of an execution, first to last. */
    public List<Attempt> attempts(String executionId) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        ATTEMPT_COLUMNS + " WHERE execution_id = ? ORDER BY attempt")) {
            select.setString(1, executionId);
            try (ResultSet rows = select.executeQuery()) {
                List<Attempt> attempts = new ArrayList<>();
                while (rows.next()) {
                    attempts.add(attemptOf(rows));
                }
                return attempts;
            }
        }
    }

    /** The attempt that sent (or was to send) the order {@code clientOrderId}; empty when this ledger has none. */
    public Optional<Attempt> attempt(String clientOrderId) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(ATTEMPT_COLUMNS + " WHERE client_order_id = ?")) {
            select.setString(1, clientOrderId);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(attemptOf(rows)) : Optional.empty();
            }
        }
    }

    private static Attempt attemptOf(ResultSet rows) throws SQLException {
        return new Attempt(rows.getString(1), rows.getString(2), rows.getInt(3), rows.getString(4),
                Side.valueOf(rows.getString(5)), Action.valueOf(rows.getString(6)), Price.of(rows.getBigDecimal(7)),
                contracts(rows.getBigDecimal(8)), rows.getString(9), AttemptStatus.valueOf(rows.getString(10)),
                Optional.ofNullable(rows.getString(11)), contracts(rows.getBigDecimal(12)),
                Optional.ofNullable(rows.getTimestamp(13)).map(Timestamp::toInstant));
    }

    /** An execution, finished or not, with the request it came from. */
    public Optional<Execution> execution(String executionId) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT execution_id, position_id, purpose, request_json FROM execution WHERE execution_id = ?")) {
            select.setString(1, executionId);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(new Execution(rows.getString(1), rows.getString(2),
                        OrderPurpose.valueOf(rows.getString(3)), rows.getString(4))) : Optional.empty();
            }
        }
    }

    /** Writes an attempt before it is sent. */
    public void intend(Attempt attempt, List<Outgoing> events) throws SQLException {
        transaction(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO order_attempt (client_order_id, execution_id, attempt, market_ticker, side, action,
                        price, count, time_in_force, status, created_at, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'INTENDED', ?, ?)""")) {
                insert.setString(1, attempt.clientOrderId());
                insert.setString(2, attempt.executionId());
                insert.setInt(3, attempt.attempt());
                insert.setString(4, attempt.marketTicker());
                insert.setString(5, attempt.side().name());
                insert.setString(6, attempt.action().name());
                insert.setBigDecimal(7, attempt.price().toBigDecimal());
                insert.setBigDecimal(8, decimal(attempt.count()));
                insert.setString(9, attempt.timeInForce());
                insert.setTimestamp(10, now());
                insert.setTimestamp(11, now());
                return insert.executeUpdate();
            }
        }, events);
    }

    /** Notes that the attempt's order is being sent now (before the call, so a crash mid-call still knows). */
    public void sending(String clientOrderId) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update = connection.prepareStatement(
                        "UPDATE order_attempt SET sent_at = ? WHERE client_order_id = ?")) {
            update.setTimestamp(1, now());
            update.setString(2, clientOrderId);
            update.executeUpdate();
        }
    }

    /** When the attempt's order was last sent; empty if it never was. */
    public Optional<Instant> sentAt(String clientOrderId) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT sent_at FROM order_attempt WHERE client_order_id = ?")) {
            select.setString(1, clientOrderId);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.ofNullable(rows.getTimestamp(1)).map(Timestamp::toInstant) : Optional.empty();
            }
        }
    }

    public void placed(String clientOrderId, String exchangeOrderId, Instant placedAt, List<Outgoing> events)
            throws SQLException {
        update(clientOrderId, AttemptStatus.PLACED, Optional.of(exchangeOrderId), Optional.of(placedAt),
                Optional.empty(), events);
    }

    public void ended(String clientOrderId, AttemptStatus status, Contracts filled, List<Outgoing> events)
            throws SQLException {
        update(clientOrderId, status, Optional.empty(), Optional.empty(), Optional.of(filled), events);
    }

    /** Records a fill and its events; false (and nothing written) when its trade id was seen before. */
    public boolean recordFill(FillRecord fill, List<Outgoing> events) throws SQLException {
        return transaction(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO fill_seen (trade_id, client_order_id, position_id, count, price, fee, executed_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (trade_id) DO NOTHING""")) {
                insert.setString(1, fill.tradeId());
                insert.setString(2, fill.clientOrderId());
                insert.setString(3, fill.positionId());
                insert.setBigDecimal(4, decimal(fill.count()));
                insert.setBigDecimal(5, fill.price().toBigDecimal());
                insert.setBigDecimal(6, fill.fee().toBigDecimal());
                insert.setTimestamp(7, Timestamp.from(fill.executedAt()));
                if (insert.executeUpdate() == 0) {
                    throw new AlreadyRecorded();
                }
                return true;
            }
        }, events);
    }

    /** The contracts filled so far for an execution, over all its attempts. */
    public Contracts filled(String executionId) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("""
                        SELECT COALESCE(SUM(f.count), 0) FROM fill_seen f
                        JOIN order_attempt a ON a.client_order_id = f.client_order_id WHERE a.execution_id = ?""")) {
            select.setString(1, executionId);
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                return contracts(rows.getBigDecimal(1));
            }
        }
    }

    /** The contracts recorded as filled for one attempt. */
    public Contracts filledBy(String clientOrderId) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT COALESCE(SUM(count), 0) FROM fill_seen WHERE client_order_id = ?")) {
            select.setString(1, clientOrderId);
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                return contracts(rows.getBigDecimal(1));
            }
        }
    }

    private void update(String clientOrderId, AttemptStatus status, Optional<String> exchangeOrderId,
            Optional<Instant> placedAt, Optional<Contracts> filled, List<Outgoing> events) throws SQLException {
        transaction(connection -> {
            try (PreparedStatement update = connection.prepareStatement("""
                    UPDATE order_attempt SET status = ?, exchange_order_id = COALESCE(?, exchange_order_id),
                        placed_at = COALESCE(?, placed_at), filled = COALESCE(?, filled), updated_at = ?
                    WHERE client_order_id = ?""")) {
                update.setString(1, status.name());
                update.setString(2, exchangeOrderId.orElse(null));
                update.setTimestamp(3, placedAt.map(Timestamp::from).orElse(null));
                update.setBigDecimal(4, filled.map(OrderLedger::decimal).orElse(null));
                update.setTimestamp(5, now());
                update.setString(6, clientOrderId);
                return update.executeUpdate();
            }
        }, events);
    }

    private interface Work<T> {
        T in(Connection connection) throws SQLException;
    }

    /** Thrown inside a transaction to roll it back quietly: the row was there already. */
    private static final class AlreadyRecorded extends SQLException {
    }

    private <T> T transaction(Work<T> work, List<Outgoing> events) throws SQLException {
        T result;
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                result = work.in(connection);
                Outbox.write(connection, events, now());
                connection.commit();
            } catch (AlreadyRecorded seen) {
                connection.rollback();
                @SuppressWarnings("unchecked")
                T no = (T) Boolean.FALSE;
                return no;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
        relay.committed(events);
        return result;
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }

    private static BigDecimal decimal(Contracts count) {
        return BigDecimal.valueOf(count.hundredths(), Contracts.SCALE);
    }

    private static Contracts contracts(BigDecimal value) {
        return new Contracts(value.setScale(Contracts.SCALE).unscaledValue().longValueExact());
    }

    static String text(byte[] payload) {
        return new String(payload, StandardCharsets.UTF_8);
    }
}
