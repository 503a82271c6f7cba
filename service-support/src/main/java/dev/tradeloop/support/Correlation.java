package dev.tradeloop.support;

import org.jboss.logging.MDC;

/**
 * Puts a trade's correlation id in the logging context while work on it runs, so every line logged
 * meanwhile carries it ({@code %X{correlationId}} in the log format) and one trade can be followed
 * across services with a single grep.
 */
public final class Correlation implements AutoCloseable {

    public static final String KEY = "correlationId";

    private final Object previous;

    private Correlation(String correlationId) {
        this.previous = MDC.get(KEY);
        MDC.put(KEY, "correlationId=" + correlationId);
    }

    /** Use with try-with-resources: the id is in the context until the block ends. */
    public static Correlation of(String correlationId) {
        return new Correlation(correlationId);
    }

    @Override
    public void close() {
        if (previous == null) {
            MDC.remove(KEY);
        } else {
            MDC.put(KEY, previous);
        }
    }
}
