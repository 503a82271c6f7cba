package dev.tradeloop.portfolio.projection;

import dev.tradeloop.events.money.Contracts;
import dev.tradeloop.events.money.Money;
import dev.tradeloop.events.money.Price;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

/** Runs one statement with its parameters bound by type: money as exact dollars, optionals as NULL when empty. */
public final class Sql {

    private Sql() {
    }

    /** Runs {@code sql} and answers how many rows it changed. */
    public static int update(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, value(parameters[i]));
            }
            return statement.executeUpdate();
        }
    }

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
}
