package dev.tradeloop.system;

import dev.tradeloop.testkit.ServiceProcess;
import dev.tradeloop.testkit.TestExchange;
import dev.tradeloop.testkit.TestKafka;
import dev.tradeloop.testkit.TestPostgres;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * What a system test starts its services with: the JVM's broker, a database of the test's own on the
 * JVM's PostgreSQL, the JVM's simulator as the exchange, and the operator token.
 */
final class Stack {

    static final Path ROOT = Path.of(System.getProperty("tradeloop.root", "..")).toAbsolutePath().normalize();
    static final Duration START = Duration.ofSeconds(90);
    static final String OPERATOR_TOKEN = "system-test-operator";

    private final Map<String, String> config = new HashMap<>();

    Stack(String database) {
        config.putAll(TestExchange.get().serviceConfig());
        config.putAll(TestPostgres.get().serviceConfig(database));
        config.put("kafka.bootstrap.servers", TestKafka.get().bootstrapServers());
        config.put("tradeloop.risk.operator-token", OPERATOR_TOKEN);
        config.put("tradeloop.market-data.refresh", "1s");
    }

    ServiceProcess start(String service) {
        return ServiceProcess.start(ROOT, service, config).awaitHealthy(START);
    }

    ServiceProcess start(String service, Map<String, String> overrides) {
        Map<String, String> merged = new HashMap<>(config);
        merged.putAll(overrides);
        return ServiceProcess.start(ROOT, service, merged).awaitHealthy(START);
    }
}
