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
        return TestPostgres.get().serviceConfig("quarkus");
    }

    @Override
    public void stop() {
        // The server is per JVM; the database is left for inspection and dropped with the server.
    }
}
