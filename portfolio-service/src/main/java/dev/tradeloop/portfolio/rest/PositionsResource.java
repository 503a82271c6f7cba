package dev.tradeloop.portfolio.rest;

import dev.tradeloop.portfolio.query.PositionFilter;
import dev.tradeloop.portfolio.query.PositionQueries;
import dev.tradeloop.portfolio.query.PositionView;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Positions: open, closed, by market, method and day opened; one position with its whole history. */
@Path("/positions")
@Produces(MediaType.APPLICATION_JSON)
public class PositionsResource {

    private final PositionQueries queries;

    public PositionsResource(PositionQueries queries) {
        this.queries = queries;
    }

    @GET
    @Operation(summary = "Positions, newest first",
            description = "status: OPEN, CLOSED (sold or settled) or ALL (default); from/to: UTC days opened, both included")
    public List<PositionView> positions(@QueryParam("status") String status, @QueryParam("market") String market,
            @QueryParam("method") String method, @QueryParam("from") String from, @QueryParam("to") String to) {
        return queries.positions(new PositionFilter(
                Params.oneOf("status", status, PositionFilter.Status.class).orElse(PositionFilter.Status.ALL),
                Params.text(market), Params.text(method), Params.date("from", from), Params.date("to", to)));
    }

    @GET
    @Path("/{positionId}")
    @Operation(summary = "One position with its exits, exit attempts, orders (every attempt) and fills")
    public Response position(@PathParam("positionId") String positionId) {
        return queries.position(positionId).map(detail -> Response.ok(detail).build())
                .orElseGet(() -> Errors.error(Response.Status.NOT_FOUND, "no position " + positionId));
    }
}
