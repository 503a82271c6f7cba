package dev.tradeloop.testkit;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A JUnit extension for plain (non-Quarkus) tests: declare a {@link TestKafka} or
 * {@link TestPostgres} parameter and receive the JVM's real broker or database server, started
 * on first use.
 */
public class TradeloopInfrastructure implements ParameterResolver {

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext extension) {
        Class<?> type = parameter.getParameter().getType();
        return type == TestKafka.class || type == TestPostgres.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext extension) {
        return parameter.getParameter().getType() == TestKafka.class ? TestKafka.get() : TestPostgres.get();
    }
}
