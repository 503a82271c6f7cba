package dev.tradeloop.sim.rest;

import dev.tradeloop.sim.faults.FaultInjected;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.tradeloop.events.money.Contracts;
import dev.tradeloop.events.money.Money;
import dev.tradeloop.events.money.Price;
import dev.tradeloop.sim.auth.SignatureFilter;
import dev.tradeloop.sim.exchange.BookSide;
import dev.tradeloop.sim.exchange.ExchangeRejection;
import dev.tradeloop.sim.exchange.OrderRequest;
import dev.tradeloop.sim.exchange.SimExchange;
import dev.tradeloop.sim.exchange.SimOrder;
import dev.tradeloop.sim.exchange.TimeInForce;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The order-changing endpoints of Kalshi's API since April 2026: create, cancel, amend and
 * decrease under {@code /portfolio/events/orders}. Every price is the YES price.
 */
@FaultInjected
@Path("/trade-api/v2/portfolio/events/orders")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class OrdersResource {

    private static final String CLIENT_ORDER_ID = "[A-Za-z0-9_+=:/-]{1,64}";

    private final SimExchange exchange;
    private final Clock clock;

    public OrdersResource(SimExchange exchange, Clock clock) {
        this.exchange = exchange;
        this.clock = clock;
    }

    @POST
    public Response create(CreateOrder body, @Context ContainerRequestContext request) {
        if (body == null) {
            throw new IllegalArgumentException("the order is required as a JSON body");
        }
        OrderRequest order = body.toRequest();
        int shard = Routing.shard(body.exchangeIndex(), body.ticker(), exchange);
        if (exchange.market(body.ticker()).shard() != shard) {
            throw ExchangeRejection.notFound("market " + body.ticker() + " not found on exchange shard " + shard);
        }
        SimOrder placed = exchange.place(account(request), order);
        return Response.status(201).entity(created(placed)).build();
    }

    @DELETE
    @Path("/{orderId}")
    public Map<String, Object> cancel(@PathParam("orderId") String orderId,
            @QueryParam("market_ticker") String marketTicker, @QueryParam("exchange_index") Integer exchangeIndex,
            @Context ContainerRequestContext request) {
        String account = account(request);
        exchange.routedOrder(account, orderId, Routing.shard(exchangeIndex, marketTicker, exchange));
        Contracts reducedBy = exchange.cancel(account, orderId);
        SimOrder order = exchange.ownOrder(account, orderId);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("order_id", orderId);
        body.put("client_order_id", order.clientOrderId().orElse(""));
        body.put("reduced_by", reducedBy);
        body.put("ts_ms", clock.millis());
        return body;
    }

    @POST
    @Path("/{orderId}/amend")
    public Map<String, Object> amend(@PathParam("orderId") String orderId, AmendOrder body,
            @Context ContainerRequestContext request) {
        if (body == null || body.ticker() == null || body.ticker().isBlank() || body.side() == null) {
            throw new IllegalArgumentException("ticker, side, price and count are required");
        }
        String account = account(request);
        SimOrder order = exchange.routedOrder(account, orderId, Routing.shard(body.exchangeIndex(), body.ticker(),
                exchange));
        if (!order.ticker().equals(body.ticker())) {
            throw ExchangeRejection.invalid("invalid_order", "order " + orderId + " is on " + order.ticker() + ", not "
                    + body.ticker());
        }
        if (!order.side().name().toLowerCase(Locale.ROOT).equals(body.side())) {
            throw ExchangeRejection.invalid("order_side_mismatch", "order " + orderId + " is a "
                    + order.side().name().toLowerCase(Locale.ROOT) + ", not a " + body.side());
        }
        return acknowledgement(exchange.amend(account, orderId, Fields.price(body.price(), "price"),
                Fields.count(body.count(), "count")));
    }

    @POST
    @Path("/{orderId}/decrease")
    public Map<String, Object> decrease(@PathParam("orderId") String orderId, DecreaseOrder body,
            @Context ContainerRequestContext request) {
        if (body == null || (body.reduceTo() == null) == (body.reduceBy() == null)) {
            throw new IllegalArgumentException("exactly one of reduce_by or reduce_to must be provided");
        }
        String account = account(request);
        SimOrder order = exchange.routedOrder(account, orderId, Routing.shard(body.exchangeIndex(), body.marketTicker(),
                exchange));
        Contracts remaining;
        if (body.reduceTo() != null) {
            remaining = Fields.count(body.reduceTo(), "reduce_to");
        } else {
            Contracts by = Fields.count(body.reduceBy(), "reduce_by");
            remaining = by.compareTo(order.remainingCount()) >= 0 ? Contracts.ZERO : order.remainingCount().minus(by);
        }
        return acknowledgement(exchange.decrease(account, orderId, remaining));
    }

    private Map<String, Object> acknowledgement(SimOrder order) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("order_id", order.orderId());
        body.put("remaining_count", order.remainingCount());
        body.put("fill_count", order.filledCount());
        body.put("ts_ms", clock.millis());
        return body;
    }

    private KalshiViews.CreatedOrder created(SimOrder order) {
        Contracts filled = order.filledCount();
        Money cost = order.takerFillCost().plus(order.makerFillCost());
        Money fees = order.takerFees().plus(order.makerFees());
        Price averagePrice = null;
        Money averageFee = null;
        if (!filled.isZero()) {
            BigDecimal count = BigDecimal.valueOf(filled.hundredths(), Contracts.SCALE);
            BigDecimal perContract = cost.toBigDecimal().divide(count, 6, RoundingMode.HALF_EVEN);
            // The cost is of the side bought; the average price is reported as the YES price.
            averagePrice = order.side() == BookSide.BID ? Price.of(perContract) : Price.of(perContract).complement();
            averageFee = Money.of(fees.toBigDecimal().divide(count, 6, RoundingMode.HALF_EVEN));
        }
        return new KalshiViews.CreatedOrder(order.orderId(), order.clientOrderId().orElse(""), filled,
                order.remainingCount(), averagePrice, averageFee, clock.millis());
    }

    private static String account(ContainerRequestContext request) {
        return (String) request.getProperty(SignatureFilter.ACCOUNT);
    }

    /**
     * The create-order body; counts and prices arrive as strings and are checked here. Kalshi requires
     * {@code time_in_force} and {@code self_trade_prevention_type}; {@code reduce_only} is taken only on
     * an order that trades at once (immediate-or-cancel, fill-or-kill): the specification does not
     * promise it on a resting order, and the simulator takes the stricter reading.
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record CreateOrder(String ticker, String side, String count, String price, String timeInForce,
            String clientOrderId, Boolean postOnly, Boolean reduceOnly, String selfTradePreventionType,
            Integer exchangeIndex) {

        OrderRequest toRequest() {
            if (ticker == null || ticker.isBlank()) {
                throw new IllegalArgumentException("ticker is required");
            }
            if (side == null || !(side.equals("bid") || side.equals("ask"))) {
                throw new IllegalArgumentException("side must be 'bid' (buy YES) or 'ask' (sell YES), not " + side);
            }
            if (clientOrderId != null && !clientOrderId.matches(CLIENT_ORDER_ID)) {
                throw new IllegalArgumentException("client_order_id must be 1 to 64 of [A-Za-z0-9_+=:/-]");
            }
            if (timeInForce == null) {
                throw new IllegalArgumentException("time_in_force is required: good_till_canceled, "
                        + "immediate_or_cancel or fill_or_kill");
            }
            TimeInForce tif = switch (timeInForce) {
                case "good_till_canceled" -> TimeInForce.GOOD_TILL_CANCELED;
                case "immediate_or_cancel" -> TimeInForce.IMMEDIATE_OR_CANCEL;
                case "fill_or_kill" -> TimeInForce.FILL_OR_KILL;
                default -> throw new IllegalArgumentException("time_in_force must be good_till_canceled, "
                        + "immediate_or_cancel or fill_or_kill, not " + timeInForce);
            };
            if (selfTradePreventionType == null
                    || !(selfTradePreventionType.equals("taker_at_cross") || selfTradePreventionType.equals("maker"))) {
                throw new IllegalArgumentException("self_trade_prevention_type is required: taker_at_cross or maker, not "
                        + selfTradePreventionType);
            }
            if (Boolean.TRUE.equals(reduceOnly) && tif == TimeInForce.GOOD_TILL_CANCELED) {
                throw new IllegalArgumentException("reduce_only is taken only with immediate_or_cancel or fill_or_kill");
            }
            return new OrderRequest(ticker, BookSide.valueOf(side.toUpperCase(Locale.ROOT)),
                    Fields.count(count, "count"), Fields.price(price, "price"), tif, Optional.ofNullable(clientOrderId),
                    Boolean.TRUE.equals(postOnly), Boolean.TRUE.equals(reduceOnly));
        }
    }

    /** The amend body: the order's market (which routes it) and side, the new YES price and total count. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record AmendOrder(String ticker, String side, String price, String count, Integer exchangeIndex) {
    }

    /** The decrease body: by how much, or down to what (exactly one), and how to route it. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record DecreaseOrder(String reduceBy, String reduceTo, String marketTicker, Integer exchangeIndex) {
    }
}
