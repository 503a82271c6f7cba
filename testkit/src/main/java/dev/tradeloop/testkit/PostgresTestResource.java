package dev.tradeloop.testkit;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Gives a {@code @QuarkusTest} a fresh database on the JVM's real PostgreSQL server: use it with
 * {@code @WithTestResource(PostgresTestResource.class)}.
 */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        TestPostgres postgres = TestPostgres.get();
        String database = postgres.createDatabase("quarkus");
        return Map.of(
                "quarkus.datasource.jdbc.url", postgres.jdbcUrl(database),
                "quarkus.datasource.username", TestPostgres.USER,
                "quarkus.datasource.password", TestPostgres.PASSWORD);
    }

    @Override
    public void stop() {
        // The server is per JVM; the database is left for inspection and dropped with the server.
    }
}
