package dev.tradeloop.support.jdbc;

import dev.tradeloop.events.money.Contracts;
import dev.tradeloop.events.money.Money;
import dev.tradeloop.events.money.Price;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The one way the services talk SQL: a statement and its parameters in order, bound by type (money,
 * prices and counts as exact decimals, instants as timestamps, enums by name, an empty optional as
 * NULL), on the caller's connection, so the caller decides the transaction. Rows are read back with
 * the column readers below. Why plain SQL and not an ORM: docs/ARCHITECTURE.md, "Persistence".
 */
public final class Sql {

    /** One row to one value. */
    @FunctionalInterface
    public interface Mapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    private Sql() {
    }

    /** Runs {@code sql} and answers how many rows it changed. */
    public static int update(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = prepare(connection, sql, parameters)) {
            return statement.executeUpdate();
        }
    }

    /** Runs {@code sql} once per parameter list, in one batch. */
    public static void batch(Connection connection, String sql, List<Object[]> parameterLists) throws SQLException {
        if (parameterLists.isEmpty()) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (Object[] parameters : parameterLists) {
                bind(statement, parameters);
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    /** Every row of the query, mapped, in the order the query gives them. */
    public static <T> List<T> list(Connection connection, String sql, Mapper<T> mapper, Object... parameters)
            throws SQLException {
        try (PreparedStatement statement = prepare(connection, sql, parameters);
                ResultSet rows = statement.executeQuery()) {
            List<T> mapped = new ArrayList<>();
            while (rows.next()) {
                mapped.add(mapper.map(rows));
            }
            return mapped;
        }
    }

    /** The first row of the query, mapped; empty when there is none. */
    public static <T> Optional<T> first(Connection connection, String sql, Mapper<T> mapper, Object... parameters)
            throws SQLException {
        try (PreparedStatement statement = prepare(connection, sql, parameters);
                ResultSet rows = statement.executeQuery()) {
            return rows.next() ? Optional.ofNullable(mapper.map(rows)) : Optional.empty();
        }
    }

    /** The value a parameter is bound as. */
    public static Object value(Object parameter) {
        Object plain = parameter instanceof Optional<?> optional ? optional.orElse(null) : parameter;
        if (plain instanceof Money money) {
            return BigDecimal.valueOf(money.micros(), Money.SCALE);
        }
        if (plain instanceof Price price) {
            return price.toBigDecimal();
        }
        if (plain instanceof Contracts count) {
            return BigDecimal.valueOf(count.hundredths(), Contracts.SCALE);
        }
        if (plain instanceof Instant instant) {
            return Timestamp.from(instant);
        }
        if (plain instanceof Enum<?> constant) {
            return constant.name();
        }
        return plain;
    }

    /** A money column; empty when NULL. */
    public static Optional<Money> money(ResultSet row, String column) throws SQLException {
        return Optional.ofNullable(row.getBigDecimal(column)).map(Money::of);
    }

    /** A price column; empty when NULL. */
    public static Optional<Price> price(ResultSet row, String column) throws SQLException {
        return Optional.ofNullable(row.getBigDecimal(column)).map(Price::of);
    }

    /** A count of contracts; NULL is none. */
    public static Contracts contracts(ResultSet row, String column) throws SQLException {
        BigDecimal value = row.getBigDecimal(column);
        return value == null ? Contracts.ZERO
                : new Contracts(value.setScale(Contracts.SCALE).unscaledValue().longValueExact());
    }

    /** A timestamp column; empty when NULL. */
    public static Optional<Instant> instant(ResultSet row, String column) throws SQLException {
        return Optional.ofNullable(row.getTimestamp(column)).map(Timestamp::toInstant);
    }

    private static PreparedStatement prepare(Connection connection, String sql, Object... parameters)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        try {
            bind(statement, parameters);
            return statement;
        } catch (SQLException | RuntimeException e) {
            statement.close();
            throw e;
        }
    }

    private static void bind(PreparedStatement statement, Object[] parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, value(parameters[i]));
        }
    }
}
