package dev.tradeloop.ledger;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code GET /reconciliation}: the ledger's last reconciliation with the exchange, what it read and
 * what it repaired; as JSON, or as a sentence for a person ({@code Accept: text/plain}, what
 * {@code ./tradeloop reconcile} prints). 503 before the first run has ended.
 */
@Path("/reconciliation")
public class ReconciliationResource {

    private final ReconciliationSchedule schedule;

    public ReconciliationResource(ReconciliationSchedule schedule) {
        this.schedule = schedule;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response json() {
        return schedule.last().map(last -> Response.ok(last)).orElseGet(ReconciliationResource::notYet).build();
    }

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    public Response text() {
        return schedule.last().map(last -> Response.ok(sentence(last))).orElseGet(ReconciliationResource::notYet)
                .build();
    }

    static String sentence(ReconciliationSchedule.LastRun last) {
        LedgerReconciliation.Result r = last.result();
        String said = "the " + last.purpose().name().toLowerCase() + " ledger, reconciled at " + last.at() + ": ";
        if (r.failure().isPresent()) {
            return said + "not reconciled, " + r.failure().get() + "\n";
        }
        return said + r.fillsRead() + " fills read, " + r.fillsRecorded() + " recorded late; " + r.ordersResting()
                + " orders resting, " + r.ordersCancelled() + " cancelled; " + r.foreignOrders()
                + " resting that are no ledger's\n";
    }

    private static Response.ResponseBuilder notYet() {
        return Response.status(503).type(MediaType.TEXT_PLAIN).entity("no reconciliation has ended yet\n");
    }
}
