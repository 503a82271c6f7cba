package dev.tradeloop.risk.rest;

import dev.tradeloop.events.BreakerName;
import dev.tradeloop.events.money.Money;
import dev.tradeloop.risk.Breakers.KillAction;
import dev.tradeloop.risk.Portfolio;
import dev.tradeloop.risk.TradingStateAuthority;
import io.quarkus.logging.Log;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What an operator may do to the trading state: reset a breaker, pull the kill switch (halt, or
 * flatten every position). Every such endpoint is {@link OperatorOnly}: {@link OperatorAuthentication}
 * lets only a caller with the operator token reach it (401, and nothing changes, otherwise) and
 * names who acted ({@code X-Operator}) for the audit.
 */
@Path("/risk")
@Produces(MediaType.APPLICATION_JSON)
public class OperatorResource {

    private final TradingStateAuthority authority;
    private final Portfolio portfolio;
    private final Clock clock;

    public OperatorResource(TradingStateAuthority authority, Portfolio portfolio, Clock clock) {
        this.authority = authority;
        this.portfolio = portfolio;
        this.clock = clock;
    }

    /** The kill switch's request: {@code HALT} or {@code FLATTEN}, and why. */
    public record KillRequest(String action, String reason) {
    }

    @POST
    @Path("/breakers/{name}/reset")
    @OperatorOnly
    public Response reset(@PathParam("name") String name, @Context ContainerRequestContext context) {
        String operator = (String) context.getProperty(OperatorAuthentication.OPERATOR);
        Optional<BreakerName> breaker = Arrays.stream(BreakerName.values())
                .filter(b -> b.name().equalsIgnoreCase(name.replace('-', '_'))).findFirst();
        if (breaker.isEmpty()) {
            return error(404, "no breaker named '" + name + "'; the breakers are " + Arrays.toString(BreakerName.values()));
        }
        try {
            LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
            Money dayLoss = portfolio.dayPnl(today).negate();
            authority.reset(breaker.get(), operator, dayLoss.isNegative() ? Money.ZERO : dayLoss);
        } catch (Exception e) {
            return error(503, "the reset could not be stored, so nothing changed: " + e.getMessage());
        }
        Log.infof("%s reset by %s", breaker.get(), operator);
        return Response.ok(authority.current()).build();
    }

    @POST
    @Path("/kill-switch")
    @Consumes(MediaType.APPLICATION_JSON)
    @OperatorOnly
    public Response killSwitch(KillRequest request, @Context ContainerRequestContext context) {
        String operator = (String) context.getProperty(OperatorAuthentication.OPERATOR);
        if (request == null || request.action() == null) {
            return error(400, "action is missing: send {\"action\": \"HALT\" or \"FLATTEN\", \"reason\": \"...\"}");
        }
        KillAction action;
        try {
            action = KillAction.valueOf(request.action().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return error(400, "action '" + request.action() + "' is neither HALT nor FLATTEN");
        }
        String reason = request.reason() == null || request.reason().isBlank() ? "no reason given" : request.reason();
        if (!authority.killSwitch(action, reason, operator)) {
            return error(503, "the kill switch is in force (trading is " + authority.current().mode()
                    + ") but could not be stored in PostgreSQL: risk-service stores it as soon as the database"
                    + " answers, and keeps it across a restart from the trading-state topic; check the database");
        }
        return Response.ok(authority.current()).build();
    }

    private static Response error(int status, String message) {
        return Response.status(status).entity(Map.of("error", message)).build();
    }
}
