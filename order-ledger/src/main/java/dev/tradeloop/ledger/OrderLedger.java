package dev.tradeloop.ledger;

import dev.tradeloop.events.Action;
import dev.tradeloop.events.OrderPurpose;
import dev.tradeloop.events.Side;
import dev.tradeloop.events.money.Contracts;
import dev.tradeloop.events.money.Money;
import dev.tradeloop.events.money.Price;
import dev.tradeloop.support.jdbc.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
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
        return transaction(connection -> Sql.update(connection, """
                INSERT INTO execution (execution_id, position_id, purpose, request_json, status, created_at, updated_at)
                VALUES (?, ?, ?, ?, 'ACTIVE', ?, ?) ON CONFLICT (execution_id) DO NOTHING""",
                execution.executionId(), execution.positionId(), execution.purpose(), execution.requestJson(), now(),
                now()) == 1, List.of());
    }

    /** The executions not finished, oldest first: what a restarted service resumes. */
    public List<Execution> active(OrderPurpose purpose) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return Sql.list(connection,
                    EXECUTION_COLUMNS + " WHERE status = 'ACTIVE' AND purpose = ? ORDER BY created_at",
                    OrderLedger::executionOf, purpose);
        }
    }

    /**
     * The position's executions of this purpose for this instance alone, or empty while another
     * instance works them. Hold it for as long as the work goes on; close it when done.
     */
    public Optional<Claim> claim(OrderPurpose purpose, String positionId) throws SQLException {
        return tryLock("SELECT pg_try_advisory_lock(?, hashtext(?))", lockSpace(purpose), positionId);
    }

    /**
     * The unfinished executions of this purpose that no instance is working, oldest first: the ones
     * left by an instance that stopped or died, for another to resume.
     */
    public List<Execution> unclaimed(OrderPurpose purpose) throws SQLException {
        List<Execution> unclaimed = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            for (Execution execution : active(purpose)) {
                boolean free = Sql.first(connection, """
                        SELECT CASE WHEN pg_try_advisory_lock(?, hashtext(?)) THEN pg_advisory_unlock(?, hashtext(?))
                        ELSE false END""", row -> row.getBoolean(1), lockSpace(purpose), execution.positionId(),
                        lockSpace(purpose), execution.positionId()).orElse(false);
                if (free) {
                    unclaimed.add(execution);
                }
            }
        }
        return unclaimed;
    }

    /** Whether the execution is still to be worked (another instance may have finished it meanwhile). */
    public boolean isActive(String executionId) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return Sql.first(connection, "SELECT status = 'ACTIVE' FROM execution WHERE execution_id = ?",
                    row -> row.getBoolean(1), executionId).orElse(false);
        }
    }

    /** The first key of the reconciliation's lock: one instance of a service reconciles its ledger at a time. */
    private static final int RECONCILIATION_LOCK_SPACE = 2;

    /**
     * The ledger's reconciliation for this instance alone, or empty while another instance runs one
     * (two would record the same late fill twice over, and cancel the same orphan twice).
     */
    public Optional<Claim> claimReconciliation() throws SQLException {
        return tryLock("SELECT pg_try_advisory_lock(?, hashtext(current_schema()))", RECONCILIATION_LOCK_SPACE);
    }

    /**
     * A session lock on a connection of its own, taken by {@code lockQuery} (a
     * {@code pg_try_advisory_lock} with its parameters), held until the claim is closed; empty (and the
     * connection given back) when another session holds it.
     */
    private Optional<Claim> tryLock(String lockQuery, Object... parameters) throws SQLException {
        Connection connection = dataSource.getConnection();
        try {
            if (Sql.first(connection, lockQuery, row -> row.getBoolean(1), parameters).orElse(false)) {
                return Optional.of(new Claim(connection));
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
        List<ExecutionRecord> found;
        try (Connection connection = dataSource.getConnection()) {
            found = Sql.list(connection, """
                    SELECT execution_id, purpose, status, created_at FROM execution
                    WHERE position_id = ? ORDER BY created_at, execution_id""",
                    row -> new ExecutionRecord(row.getString("execution_id"), positionId,
                            OrderPurpose.valueOf(row.getString("purpose")), row.getString("status"),
                            Sql.instant(row, "created_at").orElseThrow(), List.of()), positionId);
        }
        List<ExecutionRecord> withAttempts = new ArrayList<>();
        for (ExecutionRecord execution : found) {
            withAttempts.add(new ExecutionRecord(execution.executionId(), positionId, execution.purpose(),
                    execution.status(), execution.createdAt(), attempts(execution.executionId())));
        }
        return withAttempts;
    }

    public void finish(String executionId, List<Outgoing> events) throws SQLException {
        transaction(connection -> Sql.update(connection,
                "UPDATE execution SET status = 'DONE', updated_at = ? WHERE execution_id = ?", now(), executionId),
                events);
    }

    private static final String ATTEMPT_COLUMNS = """
            SELECT client_order_id, execution_id, attempt, market_ticker, side, action, price, count,
                   time_in_force, status, exchange_order_id, filled, placed_at FROM order_attempt""";

    /** Every attempt of an execution, first to last. */
    public List<Attempt> attempts(String executionId) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return Sql.list(connection, ATTEMPT_COLUMNS + " WHERE execution_id = ? ORDER BY attempt",
                    OrderLedger::attemptOf, executionId);
        }
    }

    /** The attempt that sent (or was to send) the order {@code clientOrderId}; empty when this ledger has none. */
    public Optional<Attempt> attempt(String clientOrderId) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return Sql.first(connection, ATTEMPT_COLUMNS + " WHERE client_order_id = ?", OrderLedger::attemptOf,
                    clientOrderId);
        }
    }

    private static Attempt attemptOf(ResultSet row) throws SQLException {
        return new Attempt(row.getString("client_order_id"), row.getString("execution_id"), row.getInt("attempt"),
                row.getString("market_ticker"), Side.valueOf(row.getString("side")),
                Action.valueOf(row.getString("action")), Sql.price(row, "price").orElseThrow(),
                Sql.contracts(row, "count"), row.getString("time_in_force"),
                AttemptStatus.valueOf(row.getString("status")), Optional.ofNullable(row.getString("exchange_order_id")),
                Sql.contracts(row, "filled"), Sql.instant(row, "placed_at"));
    }

    private static final String EXECUTION_COLUMNS =
            "SELECT execution_id, position_id, purpose, request_json FROM execution";

    private static Execution executionOf(ResultSet row) throws SQLException {
        return new Execution(row.getString("execution_id"), row.getString("position_id"),
                OrderPurpose.valueOf(row.getString("purpose")), row.getString("request_json"));
    }

    /** An execution, finished or not, with the request it came from. */
    public Optional<Execution> execution(String executionId) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return Sql.first(connection, EXECUTION_COLUMNS + " WHERE execution_id = ?", OrderLedger::executionOf,
                    executionId);
        }
    }

    /** Writes an attempt before it is sent. */
    public void intend(Attempt attempt, List<Outgoing> events) throws SQLException {
        transaction(connection -> Sql.update(connection, """
                INSERT INTO order_attempt (client_order_id, execution_id, attempt, market_ticker, side, action,
                    price, count, time_in_force, status, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'INTENDED', ?, ?)""",
                attempt.clientOrderId(), attempt.executionId(), attempt.attempt(), attempt.marketTicker(),
                attempt.side(), attempt.action(), attempt.price(), attempt.count(), attempt.timeInForce(), now(),
                now()), events);
    }

    /** Notes that the attempt's order is being sent now (before the call, so a crash mid-call still knows). */
    public void sending(String clientOrderId) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            Sql.update(connection, "UPDATE order_attempt SET sent_at = ? WHERE client_order_id = ?", now(),
                    clientOrderId);
        }
    }

    /** When the attempt's order was last sent; empty if it never was. */
    public Optional<Instant> sentAt(String clientOrderId) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return Sql.first(connection, "SELECT sent_at FROM order_attempt WHERE client_order_id = ?",
                    row -> Sql.instant(row, "sent_at").orElse(null), clientOrderId);
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
            int inserted = Sql.update(connection, """
                    INSERT INTO fill_seen (trade_id, client_order_id, position_id, count, price, fee, executed_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (trade_id) DO NOTHING""",
                    fill.tradeId(), fill.clientOrderId(), fill.positionId(), fill.count(), fill.price(), fill.fee(),
                    fill.executedAt());
            if (inserted == 0) {
                throw new AlreadyRecorded();
            }
            return true;
        }, events);
    }

    /** The contracts filled so far for an execution, over all its attempts. */
    public Contracts filled(String executionId) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return Sql.first(connection, """
                    SELECT SUM(f.count) AS filled FROM fill_seen f
                    JOIN order_attempt a ON a.client_order_id = f.client_order_id WHERE a.execution_id = ?""",
                    row -> Sql.contracts(row, "filled"), executionId).orElseThrow();
        }
    }

    /** The contracts recorded as filled for one attempt. */
    public Contracts filledBy(String clientOrderId) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return Sql.first(connection, "SELECT SUM(count) AS filled FROM fill_seen WHERE client_order_id = ?",
                    row -> Sql.contracts(row, "filled"), clientOrderId).orElseThrow();
        }
    }

    private void update(String clientOrderId, AttemptStatus status, Optional<String> exchangeOrderId,
            Optional<Instant> placedAt, Optional<Contracts> filled, List<Outgoing> events) throws SQLException {
        transaction(connection -> Sql.update(connection, """
                UPDATE order_attempt SET status = ?, exchange_order_id = COALESCE(?, exchange_order_id),
                    placed_at = COALESCE(?, placed_at), filled = COALESCE(?, filled), updated_at = ?
                WHERE client_order_id = ?""",
                status, exchangeOrderId, placedAt, filled, now(), clientOrderId), events);
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

    private Instant now() {
        return clock.instant();
    }

    static String text(byte[] payload) {
        return new String(payload, StandardCharsets.UTF_8);
    }
}
