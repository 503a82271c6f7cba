package dev.tradeloop.risk.rest;

import dev.tradeloop.events.BreakerName;
import dev.tradeloop.events.money.Money;
import dev.tradeloop.risk.Breakers.KillAction;
import dev.tradeloop.risk.Portfolio;
import dev.tradeloop.risk.TradingStateAuthority;
import dev.tradeloop.risk.config.RiskConfig;
import io.quarkus.logging.Log;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What an operator may do to the trading state: reset a breaker, pull the kill switch (halt, or
 * flatten every position). Every call needs the operator token ({@code X-Operator-Token}, or
 * {@code Authorization: Bearer}); without it, or with a wrong one, 401 and nothing changes.
 * {@code X-Operator} names who acted, for the audit.
 */
@Path("/risk")
@Produces(MediaType.APPLICATION_JSON)
public class OperatorResource {

    private final TradingStateAuthority authority;
    private final RiskConfig config;
    private final Portfolio portfolio;
    private final Clock clock;

    public OperatorResource(TradingStateAuthority authority, RiskConfig config, Portfolio portfolio, Clock clock) {
        this.authority = authority;
        this.config = config;
        this.portfolio = portfolio;
        this.clock = clock;
    }

    /** The kill switch's request: {@code HALT} or {@code FLATTEN}, and why. */
    public record KillRequest(String action, String reason) {
    }

    @POST
    @Path("/breakers/{name}/reset")
    public Response reset(@PathParam("name") String name, @HeaderParam("X-Operator-Token") String token,
            @HeaderParam("Authorization") String authorization, @HeaderParam("X-Operator") String operator) {
        Optional<Response> refused = refuse(token, authorization);
        if (refused.isPresent()) {
            return refused.get();
        }
        Optional<BreakerName> breaker = Arrays.stream(BreakerName.values())
                .filter(b -> b.name().equalsIgnoreCase(name.replace('-', '_'))).findFirst();
        if (breaker.isEmpty()) {
            return error(404, "no breaker named '" + name + "'; the breakers are " + Arrays.toString(BreakerName.values()));
        }
        try {
            LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
            Money dayLoss = portfolio.dayPnl(today).negate();
            authority.reset(breaker.get(), actor(operator), dayLoss.isNegative() ? Money.ZERO : dayLoss);
        } catch (Exception e) {
            return error(503, "the reset could not be stored, so nothing changed: " + e.getMessage());
        }
        Log.infof("%s reset by %s", breaker.get(), actor(operator));
        return Response.ok(authority.current()).build();
    }

    @POST
    @Path("/kill-switch")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response killSwitch(KillRequest request, @HeaderParam("X-Operator-Token") String token,
            @HeaderParam("Authorization") String authorization, @HeaderParam("X-Operator") String operator) {
        Optional<Response> refused = refuse(token, authorization);
        if (refused.isPresent()) {
            return refused.get();
        }
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
        authority.killSwitch(action, reason, actor(operator));
        return Response.ok(authority.current()).build();
    }

    private Optional<Response> refuse(String token, String authorization) {
        if (config.operatorToken().isEmpty()) {
            return Optional.of(error(401, "no operator token is configured (tradeloop.risk.operator-token): "
                    + "changes are refused"));
        }
        String sent = token != null ? token
                : authorization != null && authorization.startsWith("Bearer ") ? authorization.substring(7) : null;
        if (sent == null) {
            return Optional.of(error(401, "the operator token is missing: send it as X-Operator-Token"));
        }
        boolean same = MessageDigest.isEqual(sent.getBytes(StandardCharsets.UTF_8),
                config.operatorToken().get().getBytes(StandardCharsets.UTF_8));
        return same ? Optional.empty() : Optional.of(error(401, "the operator token is wrong"));
    }

    private static String actor(String operator) {
        return operator == null || operator.isBlank() ? "operator" : operator;
    }

    private static Response error(int status, String message) {
        return Response.status(status).entity(Map.of("error", message)).build();
    }
}
