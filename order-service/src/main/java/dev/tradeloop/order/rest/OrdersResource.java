package dev.tradeloop.order.rest;

import dev.tradeloop.ledger.Attempt;
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

/** {@code GET /orders/{positionId}}: every attempt of a position's entry, as the ledger holds it. */
@Path("/orders")
@Produces(MediaType.APPLICATION_JSON)
public class OrdersResource {

    private final OrderLedger ledger;

    public OrdersResource(OrderLedger ledger) {
        this.ledger = ledger;
    }

    @GET
    @Path("/{positionId}")
    public Response attempts(@PathParam("positionId") String positionId) throws SQLException {
        List<Attempt> attempts = ledger.attempts(positionId);
        if (attempts.isEmpty()) {
            return Response.status(404).entity(Map.of("error", "no order for position " + positionId)).build();
        }
        return Response.ok(attempts).build();
    }
}
