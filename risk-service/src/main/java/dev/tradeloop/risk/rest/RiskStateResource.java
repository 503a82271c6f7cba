package dev.tradeloop.risk.rest;

import dev.tradeloop.events.BalanceReported;
import dev.tradeloop.risk.HoldingsCheck;
import dev.tradeloop.risk.Portfolio;
import dev.tradeloop.risk.RiskChecks;
import dev.tradeloop.risk.TradingStateAuthority;
import dev.tradeloop.risk.config.RiskConfig;
import dev.tradeloop.rules.PortfolioView;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

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
    private final RiskConfig config;
    private final Clock clock;

    public RiskStateResource(TradingStateAuthority authority, Portfolio portfolio, RiskChecks checks, RiskConfig config,
            Clock clock) {
        this.config = config;
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

    /**
     * What the exchange last said the account holds against what the positions hold, net per market,
     * as a table for a person (what {@code ./tradeloop reconcile} prints); 503 before any report.
     */
    @GET
    @Path("/holdings")
    @Produces(MediaType.TEXT_PLAIN)
    public Response holdings() {
        Optional<BalanceReported> report = portfolio.lastReport().filter(r -> r.holdings().isPresent());
        if (report.isEmpty()) {
            return Response.status(503).entity("the exchange's holdings have not been reported yet\n").build();
        }
        Map<String, BigDecimal> onExchange = report.get().holdings().orElseThrow();
        Map<String, BigDecimal> inPositions = portfolio.heldByMarket();
        Set<String> markets = new TreeSet<>(onExchange.keySet());
        markets.addAll(inPositions.keySet());
        Set<String> differing = new TreeSet<>();
        HoldingsCheck.differences(onExchange, inPositions).forEach(m -> differing.add(m.market()));
        StringBuilder table = new StringBuilder("holdings the exchange reported at " + report.get().occurredAt()
                + ", against the positions (net contracts, YES positive, NO negative):\n");
        table.append(String.format("  %-32s %12s %12s%n", "MARKET", "EXCHANGE", "POSITIONS"));
        for (String market : markets) {
            table.append(String.format("  %-32s %12s %12s%s%n", market, plain(onExchange.get(market)),
                    plain(inPositions.get(market)), differing.contains(market) ? "   <- differs" : ""));
        }
        table.append(markets.size()).append(" markets, ").append(differing.size())
                .append(" differing (a difference that lasts ").append(config.reconcileAfter().toSeconds())
                .append(" s stops entries: the RECONCILIATION breaker)\n");
        return Response.ok(table.toString()).build();
    }

    private static String plain(BigDecimal net) {
        return net == null ? "0" : net.stripTrailingZeros().toPlainString();
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
