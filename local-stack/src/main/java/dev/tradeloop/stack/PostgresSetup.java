package dev.tradeloop.stack;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.Function;

/**
 * Gives each service that keeps data a PostgreSQL role of its own that owns its schema and nothing
 * else: it may log in, and use and change its own schema; it cannot read another service's schema,
 * make a schema, a database or a role. Run as the superuser; running it again only sets the passwords.
 *
 * <p>Usage: {@code PostgresSetup <jdbc-url> <secrets-dir>}: the superuser's password and each
 * role's are {@code <secrets-dir>/<role>.password}, made there when missing.
 */
public final class PostgresSetup {

    /** A service's role and the schema it owns. */
    public enum Role {
        RISK_SERVICE("risk_service", "risk"),
        ORDER_SERVICE("order_service", "orders"),
        EXIT_SERVICE("exit_service", "exits"),
        PORTFOLIO_SERVICE("portfolio_service", "portfolio"),
        EXCHANGE_SIM("exchange_sim", "sim");

        private final String roleName;
        private final String schema;

        Role(String roleName, String schema) {
            this.roleName = roleName;
            this.schema = schema;
        }

        public String roleName() {
            return roleName;
        }

        public String schema() {
            return schema;
        }
    }

    private PostgresSetup() {
    }

    public static void main(String[] args) throws SQLException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: PostgresSetup <jdbc-url> <secrets-dir>");
        }
        Secrets secrets = new Secrets(Path.of(args[1]).toAbsolutePath());
        System.out.println(apply(args[0], secrets.password(PostgresServer.SUPERUSER),
                role -> secrets.password(role.roleName())));
    }

    /** Makes (or updates) every role, and in the database at {@code jdbcUrl} every schema; returns what it did. */
    public static String apply(String jdbcUrl, String superuserPassword, Function<Role, String> passwordOf)
            throws SQLException {
        try (Connection db = DriverManager.getConnection(jdbcUrl, PostgresServer.SUPERUSER, superuserPassword);
                Statement statement = db.createStatement()) {
            statement.execute("REVOKE ALL ON SCHEMA public FROM PUBLIC");
            for (Role role : Role.values()) {
                String password = passwordOf.apply(role);
                if (!password.matches("[A-Za-z0-9_-]{16,128}")) {
                    throw new IllegalArgumentException("the password of role " + role.roleName()
                            + " must be 16 to 128 letters, digits, '_' or '-'");
                }
                statement.execute((exists(db, role) ? "ALTER" : "CREATE") + " ROLE " + role.roleName()
                        + " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT PASSWORD '" + password + "'");
                schemaOf(db, statement, role);
            }
        }
        return "database: " + Role.values().length + " roles, each owning its schema only";
    }

    /** Makes the roles' schemas in another database of the same server (a test's own database). */
    public static void schemas(String jdbcUrl, String superuserPassword) throws SQLException {
        try (Connection db = DriverManager.getConnection(jdbcUrl, PostgresServer.SUPERUSER, superuserPassword);
                Statement statement = db.createStatement()) {
            statement.execute("REVOKE ALL ON SCHEMA public FROM PUBLIC");
            for (Role role : Role.values()) {
                schemaOf(db, statement, role);
            }
        }
    }

    private static void schemaOf(Connection db, Statement statement, Role role) throws SQLException {
        statement.execute("CREATE SCHEMA IF NOT EXISTS " + role.schema() + " AUTHORIZATION " + role.roleName());
        statement.execute("ALTER SCHEMA " + role.schema() + " OWNER TO " + role.roleName());
        statement.execute("REVOKE ALL ON SCHEMA " + role.schema() + " FROM PUBLIC");
    }

    private static boolean exists(Connection db, Role role) throws SQLException {
        try (PreparedStatement query = db.prepareStatement("SELECT 1 FROM pg_roles WHERE rolname = ?")) {
            query.setString(1, role.roleName());
            try (ResultSet found = query.executeQuery()) {
                return found.next();
            }
        }
    }
}
