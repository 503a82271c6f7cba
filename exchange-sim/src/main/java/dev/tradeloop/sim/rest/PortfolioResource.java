package dev.tradeloop.sim.rest;

import dev.tradeloop.sim.faults.FaultInjected;
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

    public PortfolioResource(SimExchange exchange) {
        this.exchange = exchange;
    }

    /** {@code balance} in whole cents (floored) and {@code balance_dollars} exact. */
    @GET
    @Path("/balance")
    public Map<String, Object> balance(@Context ContainerRequestContext request) {
        Money balance = exchange.account(account(request)).balance();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("balance", Math.floorDiv(balance.micros(), 10_000));
        body.put("balance_dollars", balance);
        return body;
    }

    @GET
    @Path("/positions")
    public Map<String, Object> positions(@Context ContainerRequestContext request,
            @QueryParam("limit") @DefaultValue("100") int limit, @QueryParam("cursor") String cursor,
            @QueryParam("ticker") String ticker) {
        SimAccount account = exchange.account(account(request));
        List<KalshiViews.MarketPosition> positions = account.positions().entrySet().stream()
                .filter(entry -> entry.getValue().netHundredths() != 0)
                .filter(entry -> ticker == null || ticker.equals(entry.getKey()))
                .map(entry -> KalshiViews.MarketPosition.of(entry.getKey(), entry.getValue(),
                        exchange.bestBid(entry.getKey()).orElse(Price.ZERO)))
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
            @QueryParam("cursor") String cursor) {
        List<KalshiViews.Fill> fills = exchange.fills(account(request)).stream()
                .filter(fill -> ticker == null || fill.ticker().equals(ticker))
                .filter(fill -> orderId == null || fill.orderId().equals(orderId))
                .map(KalshiViews.Fill::of)
                .toList();
        return Page.of(fills, cursor, limit).body("fills");
    }

    @GET
    @Path("/orders")
    public Map<String, Object> orders(@Context ContainerRequestContext request, @QueryParam("ticker") String ticker,
            @QueryParam("status") String status, @QueryParam("limit") @DefaultValue("100") int limit,
            @QueryParam("cursor") String cursor) {
        List<KalshiViews.Order> orders = exchange.orders(account(request)).stream()
                .map(KalshiViews.Order::of)
                .filter(order -> ticker == null || order.ticker().equals(ticker))
                .filter(order -> status == null || order.status().equals(status))
                .toList();
        return Page.of(orders, cursor, limit).body("orders");
    }

    @GET
    @Path("/orders/{orderId}")
    public Map<String, Object> order(@PathParam("orderId") String orderId, @Context ContainerRequestContext request) {
        return Map.of("order", KalshiViews.Order.of(exchange.ownOrder(account(request), orderId)));
    }

    private static String account(ContainerRequestContext request) {
        return (String) request.getProperty(SignatureFilter.ACCOUNT);
    }
}
