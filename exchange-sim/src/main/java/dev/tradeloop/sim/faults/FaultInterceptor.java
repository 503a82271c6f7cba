package dev.tradeloop.sim.faults;

import dev.tradeloop.sim.rest.KalshiError;
import io.quarkus.logging.Log;
import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Applies an armed fault to the operation being called, on the request's worker thread: refuses
 * it (429, 500), delays it, or holds its answer after carrying it out (a lost response).
 */
@FaultInjected
@Interceptor
@Priority(Interceptor.Priority.APPLICATION)
public class FaultInterceptor {

    private final Faults faults;

    public FaultInterceptor(Faults faults) {
        this.faults = faults;
    }

    @AroundInvoke
    Object inject(InvocationContext call) throws Exception {
        String operation = call.getMethod().getName();
        Optional<Fault> fault = faults.takeRest(operation);
        if (fault.isEmpty()) {
            return call.proceed();
        }
        Fault f = fault.get();
        Log.infof("fault %s on %s", f.kind(), operation);
        return switch (f.kind()) {
            case RATE_LIMIT -> throw new WebApplicationException(Response.status(429)
                    .type(MediaType.APPLICATION_JSON).entity(Map.of("error", "too many requests")).build());
            case SERVER_ERROR -> throw new WebApplicationException(Response.status(500)
                    .type(MediaType.APPLICATION_JSON).entity(KalshiError.of("internal_server_error", "injected fault"))
                    .build());
            case LATENCY -> {
                hold(f.delay());
                yield call.proceed();
            }
            case TIMEOUT -> {
                hold(f.delay());
                throw new WebApplicationException(Response.status(504).build());
            }
            case RESPONSE_LOST -> {
                Object done = call.proceed();
                hold(f.delay());
                yield done;
            }
            case UNREADABLE_ANSWER -> {
                call.proceed();
                throw new WebApplicationException(Response.status(200).type(MediaType.APPLICATION_JSON)
                        .entity(Map.of("status", "accepted")).build());
            }
            case SEQUENCE_GAP, DROP_CONNECTIONS, END_SUBSCRIPTIONS, REFUSE_CONNECTIONS, FILLS_LAG, ORDERS_LAG -> call.proceed();
        };
    }

    /** The fault is the waiting itself: the client must see the exchange not answer. */
    private static void hold(Duration delay) throws InterruptedException {
        Thread.sleep(delay.toMillis());
    }
}
