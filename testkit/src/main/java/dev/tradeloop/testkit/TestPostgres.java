package dev.tradeloop.testkit;

import dev.tradeloop.stack.PostgresServer;
import dev.tradeloop.stack.PostgresSetup;
import dev.tradeloop.stack.Secrets;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;

/**
 * A real PostgreSQL server started once per test JVM on a random port: the very server the local
 * stack runs ({@link PostgresServer}), so every connection needs a password and each service logs
 * in as its own role, which owns its schema and nothing else ({@link PostgresSetup}). Every
 * service role has the same password here ({@link #servicePassword()}). Each caller can have a
 * database of its own, so test classes do not see each other's rows. A JVM has one server, shared
 * by every class loader in it (Quarkus gives each test application its own).
 */
public final class TestPostgres {

    public static final String USER = PostgresServer.SUPERUSER;

    /** Where the JVM's server is, for every class loader of the JVM (each Quarkus test application has its own). */
    private static final String RUNNING = "tradeloop.test.postgres";

    private static TestPostgres instance;

    private final int port;
    private final String superuserPassword;
    private final String servicePassword;

    private TestPostgres(int port, String superuserPassword, String servicePassword) {
        this.port = port;
        this.superuserPassword = superuserPassword;
        this.servicePassword = servicePassword;
    }

    /** The server of this JVM, started (with the services' roles) on first use. */
    public static TestPostgres get() {
        synchronized (System.class) { // one lock for the whole JVM, whatever loaded this class
            if (instance == null) {
                String running = System.getProperty(RUNNING);
                instance = running != null ? attach(running) : start();
            }
            return instance;
        }
    }

    public int port() {
        return port;
    }

    /** The JDBC URL of {@code database} on this server. */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port() + "/" + database;
    }

    /** The superuser's password, for what a test sets up or inspects across schemas. */
    public String superuserPassword() {
        return superuserPassword;
    }

    /** The password of every service's role on this server. */
    public String servicePassword() {
        return servicePassword;
    }

    /** A connection to {@code database} as the superuser. */
    public Connection superuserConnection(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), USER, superuserPassword);
    }

    /**
     * The settings that point a service at a fresh database of its own on this server; the service
     * logs in as its own role (its configuration names it) with the services' password.
     */
    public Map<String, String> serviceConfig(String prefix) {
        String database = createDatabase(prefix);
        return Map.of("quarkus.datasource.jdbc.url", jdbcUrl(database), "tradeloop.postgres.password", servicePassword);
    }

    /**
     * A database outage as one service sees it: until closed, {@code role} cannot connect to the
     * database of {@code jdbcUrl} and its sessions there are ended, while every other role (and
     * every other database) goes on. Closing lets it connect again.
     */
    public AutoCloseable outage(String jdbcUrl, String role) throws SQLException {
        String database = jdbcUrl.substring(jdbcUrl.lastIndexOf('/') + 1).replaceAll("\\?.*", "");
        try (Connection connection = superuserConnection("postgres");
                Statement statement = connection.createStatement()) {
            statement.execute("REVOKE CONNECT ON DATABASE " + database + " FROM PUBLIC");
            statement.execute("REVOKE CONNECT ON DATABASE " + database + " FROM " + role);
            statement.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = '" + role
                    + "' AND datname = '" + database + "'");
        }
        return () -> {
            try (Connection connection = superuserConnection("postgres");
                    Statement statement = connection.createStatement()) {
                statement.execute("GRANT CONNECT ON DATABASE " + database + " TO PUBLIC");
            }
        };
    }

    /** Creates a fresh database, with each service's schema owned by its role, and returns its name. */
    public String createDatabase(String prefix) {
        String name = prefix.replaceAll("[^a-z0-9_]", "_") + "_" + UUID.randomUUID().toString().substring(0, 8);
        try (Connection connection = superuserConnection("postgres");
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
            PostgresSetup.schemas(jdbcUrl(name), superuserPassword);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + name, e);
        }
        return name;
    }

    private static TestPostgres start() {
        try {
            Path temp = Path.of(System.getProperty("java.io.tmpdir"));
            String superuserPassword = Secrets.newPassword();
            String servicePassword = Secrets.newPassword();
            Path dataDir = temp.resolve("tradeloop-pg-" + UUID.randomUUID());
            EmbeddedPostgres server = PostgresServer.start(dataDir, temp.resolve("tradeloop-embedded-pg"), 0,
                    superuserPassword, false);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                stop(server);
                TempDirectories.delete(dataDir);
            }, "test-postgres-stop"));
            PostgresSetup.apply("jdbc:postgresql://127.0.0.1:" + server.getPort() + "/postgres", superuserPassword,
                    role -> servicePassword);
            System.setProperty(RUNNING, String.join(" ", String.valueOf(server.getPort()), superuserPassword,
                    servicePassword));
            return new TestPostgres(server.getPort(), superuserPassword, servicePassword);
        } catch (Exception e) {
            throw new IllegalStateException("the test PostgreSQL server did not start", e);
        }
    }

    private static TestPostgres attach(String running) {
        String[] parts = running.split(" ");
        return new TestPostgres(Integer.parseInt(parts[0]), parts[1], parts[2]);
    }

    private static void stop(EmbeddedPostgres server) {
        try {
            server.close();
        } catch (Exception e) {
            throw new IllegalStateException("the test PostgreSQL server did not stop cleanly", e);
        }
    }
}
