package dev.tradeloop.portfolio.rest;

import dev.tradeloop.events.OrderPurpose;
import dev.tradeloop.events.ReconciliationRun;
import dev.tradeloop.events.RiskOutcome;
import dev.tradeloop.events.RiskReason;
import dev.tradeloop.portfolio.query.ActivityQueries;
import dev.tradeloop.portfolio.query.OrderView;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Risk decisions with their reason codes, orders with every attempt, alerts, and the log of them all. */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class ActivityResource {

    private final ActivityQueries queries;

    public ActivityResource(ActivityQueries queries) {
        this.queries = queries;
    }

    @GET
    @Path("decisions")
    @Operation(summary = "Risk decisions, newest first", description = "outcome: APPROVED or REJECTED; reason: a reason code")
    public List<ActivityQueries.DecisionView> decisions(@QueryParam("outcome") String outcome,
            @QueryParam("reason") String reason, @QueryParam("market") String market,
            @QueryParam("limit") String limit) {
        return queries.decisions(Params.oneOf("outcome", outcome, RiskOutcome.class).map(Enum::name),
                Params.oneOf("reason", reason, RiskReason.class).map(Enum::name), Params.text(market),
                Params.limit(limit));
    }

    @GET
    @Path("orders")
    @Operation(summary = "Orders, newest first, each with every step", description = "purpose: ENTRY or EXIT")
    public List<OrderView> orders(@QueryParam("positionId") String positionId, @QueryParam("purpose") String purpose,
            @QueryParam("limit") String limit) {
        return queries.orders(Params.text(positionId),
                Params.oneOf("purpose", purpose, OrderPurpose.class).map(Enum::name), Params.limit(limit));
    }

    @GET
    @Path("alerts")
    @Operation(summary = "Alerts, newest first")
    public List<ActivityQueries.AlertView> alerts(@QueryParam("limit") String limit) {
        return queries.alerts(Params.limit(limit));
    }

    @GET
    @Path("reconciliation")
    @Operation(summary = "The last reconciliation with the exchange of each scope: the entries' and the exits' "
            + "ledgers, and the account's holdings against the positions")
    public List<ReconciliationRun> reconciliation() {
        return queries.reconciliations();
    }

    @GET
    @Path("log")
    @Operation(summary = "The live log: decisions, entries, exits and alerts in words, newest first")
    public List<ActivityQueries.LogEntry> log(@QueryParam("limit") String limit) {
        return queries.log(Params.limit(limit));
    }
}
