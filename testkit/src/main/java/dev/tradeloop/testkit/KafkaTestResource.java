package dev.tradeloop.testkit;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Gives a {@code @QuarkusTest} the JVM's real Kafka broker: use it with
 * {@code @WithTestResource(KafkaTestResource.class)}. The application connects as its own user
 * (its application name), with the rights the catalog gives it. The broker outlives the
 * application, so several test classes share one.
 */
public class KafkaTestResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return TestKafka.get().serviceConfig();
    }

    @Override
    public void stop() {
        // The broker is per JVM, not per application; it stops when the JVM does.
    }
}
