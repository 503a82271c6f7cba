package dev.tradeloop.sim.auth;

import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Kalshi's rate limits, metered per account as Kalshi meters them: each signed request draws from
 * the account's read bucket ({@code GET}) or write bucket (order writes), 10 tokens a request and 2
 * a cancel; when the bucket cannot cover it, the answer is 429 {@code {"error": "too many
 * requests"}}, without Retry-After, and nothing is done. Every client of an account shares them.
 */
public class RateMeter {

    private static final long DEFAULT_COST = 10;
    private static final long CANCEL_COST = 2;

    private final AccountBudgets budgets;

    public RateMeter(AccountBudgets budgets) {
        this.budgets = budgets;
    }

    /** After the signature is checked: meters the signed request's account. */
    @ServerRequestFilter(priority = Priorities.USER + 10)
    public Optional<Response> meter(ContainerRequestContext request) {
        Object account = request.getProperty(SignatureFilter.ACCOUNT);
        if (account == null) {
            return Optional.empty(); // public market data, unsigned: not metered here
        }
        boolean write = !request.getMethod().equals("GET");
        long cost = request.getMethod().equals("DELETE") ? CANCEL_COST : DEFAULT_COST;
        if (budgets.take((String) account, write, cost)) {
            return Optional.empty();
        }
        return Optional.of(Response.status(429).type(MediaType.APPLICATION_JSON)
                .entity(Map.of("error", "too many requests")).build());
    }
}
