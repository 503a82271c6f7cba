package dev.tradeloop.portfolio.query;

import dev.tradeloop.support.jdbc.Sql;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;

/** Reads rows of the projection into views; a failure of the database is {@link Unavailable}. */
final class Rows {

    private final DataSource dataSource;

    Rows(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    <T> List<T> list(String sql, Sql.Mapper<T> mapper, Object... parameters) {
        try (Connection db = dataSource.getConnection()) {
            return Sql.list(db, sql, mapper, parameters);
        } catch (SQLException e) {
            throw new Unavailable(e);
        }
    }

    /** Dollars as text exactly, with at least four decimals, as events print money; null stays null. */
    static String money(ResultSet row, String column) throws SQLException {
        return money(row.getBigDecimal(column));
    }

    static String money(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal exact = value.stripTrailingZeros();
        return (exact.scale() < 4 ? exact.setScale(4) : exact).toPlainString();
    }

    /** Contracts as text with two decimals; null stays null. */
    static String count(ResultSet row, String column) throws SQLException {
        BigDecimal value = row.getBigDecimal(column);
        return value == null ? null : value.setScale(2, java.math.RoundingMode.UNNECESSARY).toPlainString();
    }

    static Instant instant(ResultSet row, String column) throws SQLException {
        Timestamp value = row.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
