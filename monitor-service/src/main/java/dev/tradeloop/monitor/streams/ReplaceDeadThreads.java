package dev.tradeloop.monitor.streams;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;

/**
 * A stream thread that dies of an unexpected exception is replaced, so one bad moment does not stop
 * the monitor; its tasks restart from the last commit (exactly once, nothing is lost or repeated).
 * If the client fails anyway, the liveness check reports it.
 */
@ApplicationScoped
public class ReplaceDeadThreads implements StreamsUncaughtExceptionHandler {

    @Override
    public StreamThreadExceptionResponse handle(Throwable exception) {
        Log.errorf(exception, "a stream thread died; replacing it");
        return StreamThreadExceptionResponse.REPLACE_THREAD;
    }
}
