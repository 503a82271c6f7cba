package dev.tradeloop.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradeloop.stack.PostgresSetup.Role;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Each service's role owns its schema and can reach no other; nobody connects without a password. */
@ExtendWith(TradeloopInfrastructure.class)
class DatabaseRolesTest {

    @Test
    void a_service_uses_its_own_schema_and_cannot_read_another_services(TestPostgres postgres) throws SQLException {
        String database = postgres.createDatabase("roles");
        try (Connection risk = connect(postgres, database, Role.RISK_SERVICE);
                Statement statement = risk.createStatement()) {
            statement.execute("CREATE TABLE risk.breakers (name text PRIMARY KEY)");
            statement.execute("INSERT INTO risk.breakers VALUES ('DAILY_LOSS')");
        }
        try (Connection orders = connect(postgres, database, Role.ORDER_SERVICE);
                Statement statement = orders.createStatement()) {
            statement.execute("CREATE TABLE orders.ledger (id text PRIMARY KEY)");
            assertThatThrownBy(() -> statement.executeQuery("SELECT * FROM risk.breakers"))
                    .hasMessageContaining("permission denied for schema risk");
            assertThatThrownBy(() -> statement.execute("CREATE TABLE risk.planted (id text)"))
                    .hasMessageContaining("permission denied for schema risk");
            assertThatThrownBy(() -> statement.execute("CREATE TABLE public.planted (id text)"))
                    .hasMessageContaining("permission denied for schema public");
            assertThatThrownBy(() -> statement.execute("CREATE SCHEMA mine"))
                    .hasMessageContaining("permission denied for database");
        }
        try (Connection portfolio = connect(postgres, database, Role.PORTFOLIO_SERVICE);
                Statement statement = portfolio.createStatement()) {
            assertThatThrownBy(() -> statement.executeQuery("SELECT * FROM orders.ledger"))
                    .hasMessageContaining("permission denied for schema orders");
        }
        try (Connection risk = connect(postgres, database, Role.RISK_SERVICE);
                Statement statement = risk.createStatement();
                ResultSet rows = statement.executeQuery("SELECT name FROM risk.breakers")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("DAILY_LOSS");
        }
    }

    @Test
    void nobody_connects_without_the_password_the_superuser_included(TestPostgres postgres) {
        String url = postgres.jdbcUrl("postgres");
        assertThatThrownBy(() -> DriverManager.getConnection(url, TestPostgres.USER, "postgres").close())
                .hasMessageContaining("password authentication failed for user \"postgres\"");
        assertThatThrownBy(() -> DriverManager.getConnection(url, TestPostgres.USER, null).close())
                .isInstanceOf(SQLException.class);
        assertThatThrownBy(() -> DriverManager.getConnection(url, Role.RISK_SERVICE.roleName(), "wrong").close())
                .hasMessageContaining("password authentication failed for user \"risk_service\"");
    }

    private static Connection connect(TestPostgres postgres, String database, Role role) throws SQLException {
        return DriverManager.getConnection(postgres.jdbcUrl(database), role.roleName(), postgres.servicePassword());
    }
}
