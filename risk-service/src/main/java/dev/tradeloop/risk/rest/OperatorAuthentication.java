package dev.tradeloop.risk.rest;

import dev.tradeloop.events.AlertCode;
import dev.tradeloop.events.AlertSeverity;
import dev.tradeloop.risk.config.RiskConfig;
import dev.tradeloop.support.Alerts;
import io.quarkus.logging.Log;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * The one guard of every {@link OperatorOnly} endpoint, before its body is read: the operator token
 * ({@code X-Operator-Token}, or {@code Authorization: Bearer}) compared in constant time. A call that
 * passes is logged with who ({@code X-Operator}, self-declared, as the token is shared), what and
 * from where, and the action itself is audited by the trading state's alert and its PostgreSQL row;
 * a refused one gets 401 and is logged, and raises an {@code OPERATOR_REFUSED} alert (at most one a
 * minute, with the count refused since).
 */
public class OperatorAuthentication {

    static final String OPERATOR = "tradeloop.operator";
    private static final Duration ALERT_EVERY = Duration.ofMinutes(1);

    private final RiskConfig config;
    private final Alerts alerts;
    private final Clock clock;
    private Instant lastAlert = Instant.MIN;
    private int refusedSinceAlert;

    public OperatorAuthentication(RiskConfig config, Alerts alerts, Clock clock) {
        this.config = config;
        this.alerts = alerts;
        this.clock = clock;
    }

    @ServerRequestFilter
    public Optional<Response> authenticate(ContainerRequestContext request, ResourceInfo resource,
            HttpServerRequest connection) {
        if (resource.getResourceMethod() == null
                || !resource.getResourceMethod().isAnnotationPresent(OperatorOnly.class)) {
            return Optional.empty();
        }
        String action = request.getMethod() + " " + request.getUriInfo().getPath();
        String peer = connection.remoteAddress() == null ? "unknown" : connection.remoteAddress().hostAddress();
        Optional<String> refusal = refusal(request.getHeaderString("X-Operator-Token"),
                request.getHeaderString("Authorization"));
        if (refusal.isPresent()) {
            refused(action, peer, refusal.get());
            return Optional.of(Response.status(401).type(MediaType.APPLICATION_JSON)
                    .entity(Map.of("error", refusal.get())).build());
        }
        String operator = request.getHeaderString("X-Operator");
        String who = operator == null || operator.isBlank() ? "operator" : operator.strip();
        request.setProperty(OPERATOR, who.length() > 64 ? who.substring(0, 64) : who);
        Log.infof("operator action: %s by %s from %s", action, request.getProperty(OPERATOR), peer);
        return Optional.empty();
    }

    private Optional<String> refusal(String token, String authorization) {
        if (config.operatorToken().isEmpty()) {
            return Optional.of("no operator token is configured (tradeloop.risk.operator-token): changes are refused");
        }
        String sent = token != null ? token
                : authorization != null && authorization.startsWith("Bearer ") ? authorization.substring(7) : null;
        if (sent == null) {
            return Optional.of("the operator token is missing: send it as X-Operator-Token");
        }
        boolean same = MessageDigest.isEqual(sent.getBytes(StandardCharsets.UTF_8),
                config.operatorToken().get().getBytes(StandardCharsets.UTF_8));
        return same ? Optional.empty() : Optional.of("the operator token is wrong");
    }

    private synchronized void refused(String action, String peer, String why) {
        Log.warnf("operator action refused: %s from %s (%s)", action, peer, why);
        refusedSinceAlert++;
        Instant now = clock.instant();
        if (Duration.between(lastAlert, now).compareTo(ALERT_EVERY) < 0) {
            return;
        }
        alerts.raise(AlertSeverity.WARNING, AlertCode.OPERATOR_REFUSED, refusedSinceAlert + " operator action(s) "
                + "refused in the last minute, the latest " + action + " from " + peer + ": " + why,
                "operator-" + now.toEpochMilli(), Optional.empty(), Optional.empty());
        lastAlert = now;
        refusedSinceAlert = 0;
    }
}
