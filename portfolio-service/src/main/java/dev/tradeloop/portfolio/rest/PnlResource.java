package dev.tradeloop.portfolio.rest;

import dev.tradeloop.portfolio.query.PnlQueries;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** P&L, realized (fees included) and unrealized, in all, by method, by day, and over time. */
@Path("/pnl")
@Produces(MediaType.APPLICATION_JSON)
public class PnlResource {

    private final PnlQueries queries;

    public PnlResource(PnlQueries queries) {
        this.queries = queries;
    }

    @GET
    @Operation(summary = "Realized and unrealized P&L of every position, with counts of wins and losses")
    public PnlQueries.Summary summary() {
        return queries.summary();
    }

    @GET
    @Path("/by-method")
    @Operation(summary = "P&L by method and version")
    public List<PnlQueries.ByMethod> byMethod() {
        return queries.byMethod();
    }

    @GET
    @Path("/by-day")
    @Operation(summary = "Realized P&L by UTC day of the exit")
    public List<PnlQueries.ByDay> byDay() {
        return queries.byDay();
    }

    @GET
    @Path("/series")
    @Operation(summary = "Realized P&L after each exit, in order (the dashboard's chart)")
    public List<PnlQueries.Point> series() {
        return queries.series();
    }
}
