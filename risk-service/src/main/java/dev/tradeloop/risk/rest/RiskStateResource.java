package dev.tradeloop.risk.rest;

import dev.tradeloop.risk.Portfolio;
import dev.tradeloop.risk.RiskChecks;
import dev.tradeloop.risk.TradingStateAuthority;
import dev.tradeloop.rules.PortfolioView;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code GET /risk/state}: the trading state and every breaker, as risk-service last published it;
 * {@code GET /risk/portfolio}: what the risk gate sees of the account now.
 */
@Path("/risk")
@Produces(MediaType.APPLICATION_JSON)
public class RiskStateResource {

    private final TradingStateAuthority authority;
    private final Portfolio portfolio;
    private final RiskChecks checks;
    private final Clock clock;

    public RiskStateResource(TradingStateAuthority authority, Portfolio portfolio, RiskChecks checks, Clock clock) {
        this.authority = authority;
        this.portfolio = portfolio;
        this.checks = checks;
        this.clock = clock;
    }

    @GET
    @Path("/state")
    public Response state() {
        return Response.ok(authority.current()).build();
    }

    @GET
    @Path("/portfolio")
    public Map<String, Object> portfolio() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("day", today.toString());
        answer.put("dayPnl", portfolio.dayPnl(today).toString());
        answer.put("dailyLossLimit", checks.dailyLossLimit().toString());
        answer.put("lastCheck", checks.lastCheck().map(Object::toString).orElse("not yet"));
        portfolio.view(today, 0).ifPresentOrElse((PortfolioView view) -> {
            answer.put("balance", portfolio.balance().orElseThrow().toString());
            answer.put("openPositions", view.openPositions());
            answer.put("entriesInFlight", view.marketsWithEntryInFlight());
            answer.put("totalExposure", view.totalExposure().toString());
            answer.put("exposureByEvent", view.exposureByEvent());
        }, () -> answer.put("balance", "not reported yet"));
        return answer;
    }
}
