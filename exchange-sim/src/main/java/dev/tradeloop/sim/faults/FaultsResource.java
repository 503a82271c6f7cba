package dev.tradeloop.sim.faults;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.tradeloop.sim.feed.FeedHub;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * {@code /sim/admin/faults}: arm a fault ({@code {"kind": "RESPONSE_LOST", "operation": "create",
 * "count": 1, "delay_ms": 3000}}), list what is armed, or clear everything.
 */
@Path("/sim/admin/faults")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class FaultsResource {

    private final Faults faults;
    private final FeedHub feed;

    public FaultsResource(Faults faults, FeedHub feed) {
        this.faults = faults;
        this.feed = feed;
    }

    @POST
    public Response arm(ArmFault body) {
        if (body.count() != null && body.count() < 1) {
            throw new IllegalArgumentException("count must be at least 1");
        }
        if (body.kind() == FaultKind.DROP_CONNECTIONS) {
            return Response.status(201).entity(Map.of("dropped", feed.dropAll())).build();
        }
        if (body.kind() == FaultKind.END_SUBSCRIPTIONS) {
            int code = body.code() == null ? 10 : body.code();
            return Response.status(201).entity(Map.of("ended", feed.endSubscriptions(code))).build();
        }
        Fault fault = new Fault(body.kind(), body.operation(), body.count() == null ? 1 : body.count(),
                body.delayMs() == null ? Duration.ZERO : Duration.ofMillis(body.delayMs()));
        faults.arm(fault);
        if (body.kind() == FaultKind.REFUSE_CONNECTIONS) {
            feed.dropAll();
        }
        return Response.status(201).entity(fault).build();
    }

    @GET
    public List<Fault> armed() {
        return faults.armed();
    }

    @DELETE
    public Response clear() {
        faults.clear();
        return Response.noContent().build();
    }

    /** The body of an arming request. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record ArmFault(FaultKind kind, String operation, Integer count, Long delayMs, Integer code) {
    }
}
