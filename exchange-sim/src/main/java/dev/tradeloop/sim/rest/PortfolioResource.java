package dev.tradeloop.sim.rest;

import dev.tradeloop.sim.faults.FaultInjected;
import dev.tradeloop.sim.faults.Faults;
import dev.tradeloop.events.money.Money;
import dev.tradeloop.events.money.Price;
import dev.tradeloop.sim.auth.SignatureFilter;
import dev.tradeloop.sim.exchange.SimAccount;
import dev.tradeloop.sim.exchange.SimExchange;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The account's side: balance, positions, fills and orders. Every request must be signed. */
@FaultInjected
@Path("/trade-api/v2/portfolio")
@Produces(MediaType.APPLICATION_JSON)
public class PortfolioResource {

    private final SimExchange exchange;
    private final Faults faults;
    private final java.time.Clock clock;

    public PortfolioResource(SimExchange exchange, Faults faults, java.time.Clock clock) {
        this.faults = faults;
        this.clock = clock;
        this.exchange = exchange;
    }

    /**
     * {@code balance} in whole cents (floored) and {@code balance_dollars} exact, over every shard or
     * the one {@code exchange_index} names, and {@code balance_breakdown}, the cash of each shard.
     */
    @GET
    @Path("/balance")
    public Map<String, Object> balance(@Context ContainerRequestContext request,
            @QueryParam("exchange_index") Integer exchangeIndex) {
        SimAccount account = exchange.account(account(request));
        if (exchangeIndex != null && exchangeIndex < 0) {
            throw new IllegalArgumentException("exchange_index must be 0 or more, not " + exchangeIndex);
        }
        Money balance = exchangeIndex == null ? account.balance() : account.balance(exchangeIndex);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("balance", Math.floorDiv(balance.micros(), 10_000));
        body.put("balance_dollars", balance);
        body.put("portfolio_value", 0);
        body.put("updated_ts", java.time.Instant.now().getEpochSecond());
        body.put("balance_breakdown", account.shardBalances().entrySet().stream()
                .map(shard -> Map.of("exchange_index", shard.getKey(), "balance", shard.getValue())).toList());
        return body;
    }

    @GET
    @Path("/positions")
    public Map<String, Object> positions(@Context ContainerRequestContext request,
            @QueryParam("limit") @DefaultValue("100") int limit, @QueryParam("cursor") String cursor,
            @QueryParam("ticker") String ticker, @QueryParam("exchange_index") Integer exchangeIndex) {
        SimAccount account = exchange.account(account(request));
        List<KalshiViews.MarketPosition> positions = account.positions().entrySet().stream()
                .filter(entry -> entry.getValue().netHundredths() != 0)
                .filter(entry -> ticker == null || ticker.equals(entry.getKey()))
                .filter(entry -> onShard(entry.getKey(), exchangeIndex))
                .map(entry -> KalshiViews.MarketPosition.of(entry.getKey(), exchange.market(entry.getKey()).shard(),
                        entry.getValue()))
                .sorted(java.util.Comparator.comparing(KalshiViews.MarketPosition::ticker))
                .toList();
        Page<KalshiViews.MarketPosition> page = Page.of(positions, cursor, limit);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("market_positions", page.items());
        body.put("event_positions", List.of());
        body.put("cursor", page.nextCursor());
        return body;
    }

    @GET
    @Path("/fills")
    public Map<String, Object> fills(@Context ContainerRequestContext request, @QueryParam("ticker") String ticker,
            @QueryParam("order_id") String orderId, @QueryParam("limit") @DefaultValue("100") int limit,
            @QueryParam("cursor") String cursor, @QueryParam("exchange_index") Integer exchangeIndex,
            @QueryParam("min_ts") Long minTs) {
        java.time.Instant from = since(minTs);
        java.time.Instant listedUpTo = faults.takeFillsLag().map(lag -> clock.instant().minus(lag))
                .orElse(java.time.Instant.MAX);
        List<KalshiViews.Fill> fills = exchange.fills(account(request)).stream()
                .filter(fill -> !fill.createdAt().isAfter(listedUpTo) && !fill.createdAt().isBefore(from))
                .filter(fill -> ticker == null || fill.ticker().equals(ticker))
                .filter(fill -> onShard(fill.ticker(), exchangeIndex))
                .filter(fill -> orderId == null || fill.orderId().equals(orderId))
                .map(fill -> KalshiViews.Fill.of(fill, exchange.market(fill.ticker()).shard()))
                .toList();
        return Page.of(fills, cursor, limit).body("fills");
    }

    @GET
    @Path("/orders")
    public Map<String, Object> orders(@Context ContainerRequestContext request, @QueryParam("ticker") String ticker,
            @QueryParam("status") String status, @QueryParam("limit") @DefaultValue("100") int limit,
            @QueryParam("cursor") String cursor, @QueryParam("exchange_index") Integer exchangeIndex,
            @QueryParam("min_ts") Long minTs) {
        java.time.Instant from = since(minTs);
        java.time.Instant listedUpTo = faults.takeOrdersLag().map(lag -> clock.instant().minus(lag))
                .orElse(java.time.Instant.MAX);
        List<KalshiViews.Order> orders = exchange.orders(account(request)).stream()
                .filter(order -> !order.createdAt().isAfter(listedUpTo) && !order.createdAt().isBefore(from))
                .map(KalshiViews.Order::of)
                .filter(order -> ticker == null || order.ticker().equals(ticker))
                .filter(order -> onShard(order.ticker(), exchangeIndex))
                .filter(order -> status == null || order.status().equals(status))
                .toList();
        return Page.of(orders, cursor, limit).body("orders");
    }

    @GET
    @Path("/orders/{orderId}")
    public Map<String, Object> order(@PathParam("orderId") String orderId, @Context ContainerRequestContext request) {
        // No routing parameter: the simulator reads the default shard only (see docs/KALSHI.md)
        return Map.of("order", KalshiViews.Order.of(exchange.routedOrder(account(request), orderId, 0)));
    }

    /** What each finalized market paid the account, newest first; {@code revenue} in cents, as Kalshi has it. */
    @GET
    @Path("/settlements")
    public Map<String, Object> settlements(@Context ContainerRequestContext request,
            @QueryParam("ticker") String ticker, @QueryParam("event_ticker") String eventTicker,
            @QueryParam("limit") @DefaultValue("100") int limit, @QueryParam("cursor") String cursor) {
        List<Map<String, Object>> settlements = new java.util.ArrayList<>();
        for (SimAccount.Settlement s : exchange.account(account(request)).settlements()) {
            if ((ticker != null && !ticker.equals(s.ticker())) || (eventTicker != null && !eventTicker.equals(s.eventTicker()))) {
                continue;
            }
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("ticker", s.ticker());
            row.put("exchange_index", s.shard());
            row.put("event_ticker", s.eventTicker());
            row.put("market_result", s.result());
            row.put("yes_count_fp", s.yesCount());
            row.put("yes_total_cost_dollars", s.yesCost());
            row.put("no_count_fp", s.noCount());
            row.put("no_total_cost_dollars", s.noCost());
            row.put("revenue", Math.floorDiv(s.revenue().micros(), 10_000));
            row.put("settled_time", s.settledAt());
            row.put("fee_cost", s.fees());
            row.put("value", s.result().equals("yes") ? 100 : 0);
            settlements.add(0, row);
        }
        return Page.of(settlements, cursor, limit).body("settlements");
    }

    /** A listing covers every shard unless {@code exchange_index} names one. */
    /** {@code min_ts}, a Unix time in seconds: the items created at or after it; all when absent. */
    private static java.time.Instant since(Long minTs) {
        if (minTs == null) {
            return java.time.Instant.EPOCH;
        }
        if (minTs < 0 || minTs > 32_503_680_000L) {
            throw new IllegalArgumentException("min_ts must be a Unix time in seconds, not " + minTs);
        }
        return java.time.Instant.ofEpochSecond(minTs);
    }

    private boolean onShard(String ticker, Integer exchangeIndex) {
        if (exchangeIndex != null && exchangeIndex < 0) {
            throw new IllegalArgumentException("exchange_index must be 0 or more, not " + exchangeIndex);
        }
        return exchangeIndex == null || exchange.market(ticker).shard() == exchangeIndex;
    }

    private static String account(ContainerRequestContext request) {
        return (String) request.getProperty(SignatureFilter.ACCOUNT);
    }
}
