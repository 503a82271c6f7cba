package dev.tradeloop.portfolio.rest;

import dev.tradeloop.portfolio.live.LiveUpdates;
import io.smallrye.mutiny.Multi;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestStreamElementType;

/** Server-sent events: one per batch the projection commits, so the dashboard refreshes without a reload. */
@Path("/live")
public class LiveResource {

    private final LiveUpdates live;

    public LiveResource(LiveUpdates live) {
        this.live = live;
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @Operation(summary = "What the projection just wrote: the kinds of events and the positions they touched")
    public Multi<LiveUpdates.Change> changes() {
        return live.changes();
    }
}
