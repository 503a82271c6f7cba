package dev.tradeloop.risk.persistence;

import dev.tradeloop.events.BreakerName;
import dev.tradeloop.events.money.Money;
import dev.tradeloop.risk.Breakers.Breaker;
import dev.tradeloop.support.jdbc.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
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
        try (Connection connection = dataSource.getConnection()) {
            return Sql.list(connection, "SELECT name, open, tripped_at, reason, flatten FROM breaker_state",
                    row -> new Breaker(BreakerName.valueOf(row.getString("name")), row.getBoolean("open"),
                            Sql.instant(row, "tripped_at"), Optional.ofNullable(row.getString("reason")),
                            row.getBoolean("flatten")));
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
        Sql.update(connection, """
                INSERT INTO breaker_state (name, open, tripped_at, reason, flatten, updated_at)
                VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (name) DO UPDATE SET open = EXCLUDED.open, tripped_at = EXCLUDED.tripped_at,
                    reason = EXCLUDED.reason, flatten = EXCLUDED.flatten, updated_at = EXCLUDED.updated_at""",
                breaker.name(), breaker.open(), breaker.trippedAt(), breaker.reason(), breaker.flatten(), at);
        Sql.update(connection, "INSERT INTO breaker_audit (name, action, actor, reason, at) VALUES (?, ?, ?, ?, ?)",
                breaker.name(), action, actor, breaker.reason(), at);
    }

    /** The loss accepted by the last reset of the daily-loss breaker on {@code day}; zero when none. */
    public Money acknowledgedLoss(LocalDate day) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return Sql.first(connection, "SELECT loss FROM daily_loss_acknowledged WHERE day = ?",
                    row -> Sql.money(row, "loss").orElseThrow(), day).orElse(Money.ZERO);
        }
    }

    /** Resets the daily-loss breaker, accepting {@code loss} for {@code day}, in one transaction. */
    public void resetDailyLoss(Breaker closed, LocalDate day, Money loss, String actor, Instant at) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                Sql.update(connection, """
                        INSERT INTO daily_loss_acknowledged (day, loss, actor, at) VALUES (?, ?, ?, ?)
                        ON CONFLICT (day) DO UPDATE SET loss = EXCLUDED.loss, actor = EXCLUDED.actor,
                            at = EXCLUDED.at""",
                        day, loss, actor, at);
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
        try (Connection connection = dataSource.getConnection()) {
            return Sql.list(connection, "SELECT action, actor FROM breaker_audit WHERE name = ? ORDER BY id",
                    row -> row.getString("action") + " by " + row.getString("actor"), name);
        }
    }
}
