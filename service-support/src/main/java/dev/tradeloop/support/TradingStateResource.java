package dev.tradeloop.support;

import dev.tradeloop.events.TradingState;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** {@code GET /trading-state}: the trading state as this service sees it, for operators. */
@Path("/trading-state")
public class TradingStateResource {

    private final TradingStateFollower follower;

    public TradingStateResource(TradingStateFollower follower) {
        this.follower = follower;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response current() {
        return follower.current()
                .map(TradingState.class::cast)
                .map(state -> Response.ok(state).build())
                .orElseGet(() -> Response.status(Response.Status.SERVICE_UNAVAILABLE)
                        .entity(new Problem("no trading state read yet")).build());
    }

    /** The body of an error answer. */
    public record Problem(String error) {
    }
}
