package dev.tradeloop.testkit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real PostgreSQL server (official binaries shipped in a Maven jar) started once per test JVM
 * on a random port. Each caller can have a database of its own, so test classes do not see each
 * other's rows.
 */
public final class TestPostgres {

    public static final String USER = "postgres";
    public static final String PASSWORD = "postgres";

    private static TestPostgres instance;
    private static final AtomicInteger DATABASES = new AtomicInteger();

    private final EmbeddedPostgres server;

    private TestPostgres(EmbeddedPostgres server) {
        this.server = server;
    }

    /** The server of this JVM, started on first use. */
    public static synchronized TestPostgres get() {
        if (instance == null) {
            instance = start();
            Runtime.getRuntime().addShutdownHook(new Thread(instance::stop, "test-postgres-stop"));
        }
        return instance;
    }

    public int port() {
        return server.getPort();
    }

    /** The JDBC URL of {@code database} on this server. */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port() + "/" + database;
    }

    /** The settings that point a service at a fresh database of its own on this server. */
    public java.util.Map<String, String> serviceConfig(String prefix) {
        String database = createDatabase(prefix);
        return java.util.Map.of(
                "quarkus.datasource.jdbc.url", jdbcUrl(database),
                "quarkus.datasource.username", USER,
                "quarkus.datasource.password", PASSWORD);
    }

    /** Creates a fresh, empty database and returns its name. */
    public String createDatabase(String prefix) {
        String name = prefix.replaceAll("[^a-z0-9_]", "_") + "_" + DATABASES.incrementAndGet();
        try (Connection connection = server.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + name, e);
        }
        return name;
    }

    private static TestPostgres start() {
        try {
            Path workDirectory = Path.of(System.getProperty("java.io.tmpdir"), "tradeloop-embedded-pg");
            return new TestPostgres(EmbeddedPostgres.builder()
                    .setOverrideWorkingDirectory(new File(workDirectory.toString()))
                    .start());
        } catch (Exception e) {
            throw new IllegalStateException("the test PostgreSQL server did not start", e);
        }
    }

    private void stop() {
        try {
            server.close();
        } catch (Exception e) {
            throw new IllegalStateException("the test PostgreSQL server did not stop cleanly", e);
        }
    }
}
