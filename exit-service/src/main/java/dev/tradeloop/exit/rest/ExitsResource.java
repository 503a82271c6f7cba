package dev.tradeloop.exit.rest;

import dev.tradeloop.ledger.ExecutionRecord;
import dev.tradeloop.ledger.OrderLedger;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/** {@code GET /exits/{positionId}}: every exit of a position and every order it sent, as the ledger holds them. */
@Path("/exits")
@Produces(MediaType.APPLICATION_JSON)
public class ExitsResource {

    private final OrderLedger ledger;

    public ExitsResource(OrderLedger ledger) {
        this.ledger = ledger;
    }

    @GET
    @Path("/{positionId}")
    public Response exits(@PathParam("positionId") String positionId) throws SQLException {
        List<ExecutionRecord> exits = ledger.executionsOf(positionId);
        if (exits.isEmpty()) {
            return Response.status(404).entity(Map.of("error", "no exit for position " + positionId)).build();
        }
        return Response.ok(exits).build();
    }
}
