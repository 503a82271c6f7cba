package dev.tradeloop.risk.persistence;

import dev.tradeloop.events.BreakerName;
import dev.tradeloop.risk.Breakers.Breaker;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import dev.tradeloop.events.money.Money;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** Each breaker's state, and the audit of every trip and reset, in PostgreSQL. */
@ApplicationScoped
public class BreakerRepository {

    private final DataSource dataSource;

    public BreakerRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public List<Breaker> loadAll() throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT name, open, tripped_at, reason, flatten FROM breaker_state");
                ResultSet rows = select.executeQuery()) {
            List<Breaker> breakers = new ArrayList<>();
            while (rows.next()) {
                Timestamp tripped = rows.getTimestamp("tripped_at");
                breakers.add(new Breaker(BreakerName.valueOf(rows.getString("name")), rows.getBoolean("open"),
                        Optional.ofNullable(tripped).map(Timestamp::toInstant), Optional.ofNullable(rows.getString("reason")),
                        rows.getBoolean("flatten")));
            }
            return breakers;
        }
    }

    /** Stores the breaker's new state and the audit line, in one transaction. */
    public void save(Breaker breaker, String action, String actor, Instant at) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                write(connection, breaker, action, actor, at);
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    private static void write(Connection connection, Breaker breaker, String action, String actor, Instant at)
            throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement("""
                INSERT INTO breaker_state (name, open, tripped_at, reason, flatten, updated_at)
                VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (name) DO UPDATE SET open = EXCLUDED.open, tripped_at = EXCLUDED.tripped_at,
                    reason = EXCLUDED.reason, flatten = EXCLUDED.flatten, updated_at = EXCLUDED.updated_at""");
                PreparedStatement audit = connection.prepareStatement(
                        "INSERT INTO breaker_audit (name, action, actor, reason, at) VALUES (?, ?, ?, ?, ?)")) {
            upsert.setString(1, breaker.name().name());
            upsert.setBoolean(2, breaker.open());
            upsert.setTimestamp(3, breaker.trippedAt().map(Timestamp::from).orElse(null));
            upsert.setString(4, breaker.reason().orElse(null));
            upsert.setBoolean(5, breaker.flatten());
            upsert.setTimestamp(6, Timestamp.from(at));
            upsert.executeUpdate();
            audit.setString(1, breaker.name().name());
            audit.setString(2, action);
            audit.setString(3, actor);
            audit.setString(4, breaker.reason().orElse(null));
            audit.setTimestamp(5, Timestamp.from(at));
            audit.executeUpdate();
        }
    }

    /** The loss accepted by the last reset of the daily-loss breaker on {@code day}; zero when none. */
    public Money acknowledgedLoss(LocalDate day) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT loss FROM daily_loss_acknowledged WHERE day = ?")) {
            select.setObject(1, day);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Money.of(rows.getBigDecimal(1)) : Money.ZERO;
            }
        }
    }

    /** Resets the daily-loss breaker, accepting {@code loss} for {@code day}, in one transaction. */
    public void resetDailyLoss(Breaker closed, LocalDate day, Money loss, String actor, Instant at) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement acknowledge = connection.prepareStatement("""
                    INSERT INTO daily_loss_acknowledged (day, loss, actor, at) VALUES (?, ?, ?, ?)
                    ON CONFLICT (day) DO UPDATE SET loss = EXCLUDED.loss, actor = EXCLUDED.actor, at = EXCLUDED.at""")) {
                acknowledge.setObject(1, day);
                acknowledge.setBigDecimal(2, loss.toBigDecimal());
                acknowledge.setString(3, actor);
                acknowledge.setTimestamp(4, Timestamp.from(at));
                acknowledge.executeUpdate();
                write(connection, closed, "reset, accepting the day's loss of " + loss, actor, at);
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    /** The audit lines of one breaker, oldest first: what happened to it, when, and who did it. */
    public List<String> auditOf(BreakerName name) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT action, actor FROM breaker_audit WHERE name = ? ORDER BY id")) {
            select.setString(1, name.name());
            try (ResultSet rows = select.executeQuery()) {
                List<String> lines = new ArrayList<>();
                while (rows.next()) {
                    lines.add(rows.getString("action") + " by " + rows.getString("actor"));
                }
                return lines;
            }
        }
    }
}
