package dev.tradeloop.testkit;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Points a {@code @QuarkusTest} service at the JVM's exchange simulator, signing as its trader:
 * use it with {@code @WithTestResource(ExchangeTestResource.class)}.
 */
public class ExchangeTestResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return TestExchange.get().serviceConfig();
    }

    @Override
    public void stop() {
        // The simulator is per JVM and stops with it.
    }
}
