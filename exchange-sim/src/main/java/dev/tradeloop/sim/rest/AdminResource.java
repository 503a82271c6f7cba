package dev.tradeloop.sim.rest;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.tradeloop.events.money.Contracts;
import dev.tradeloop.events.money.Money;
import dev.tradeloop.events.money.Price;
import dev.tradeloop.sim.exchange.BookSide;
import dev.tradeloop.sim.exchange.Fees;
import dev.tradeloop.sim.exchange.OrderRequest;
import dev.tradeloop.sim.exchange.SimExchange;
import dev.tradeloop.sim.exchange.SimMarket;
import dev.tradeloop.sim.exchange.SimOrder;
import dev.tradeloop.sim.exchange.TimeInForce;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The simulator's own controls, outside Kalshi's API: list a market, settle it. Scenario files
 * and tests drive the exchange through these. The simulator is for loopback use only.
 */
@Path("/sim/admin/markets")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AdminResource {

    private final SimExchange exchange;
    private final Clock clock;

    public AdminResource(SimExchange exchange, Clock clock) {
        this.exchange = exchange;
        this.clock = clock;
    }

    @POST
    public Response list(NewMarket body) {
        if (body.ticker() == null || body.eventTicker() == null || body.closeTime() == null) {
            throw new IllegalArgumentException("ticker, event_ticker and close_time are required");
        }
        Instant open = body.openTime() == null ? clock.instant() : body.openTime();
        exchange.addMarket(new SimMarket(body.ticker(), body.eventTicker(),
                body.title() == null ? body.ticker() : body.title(), open, body.closeTime(),
                body.priceLevelStructure() == null ? "linear_cent" : body.priceLevelStructure(),
                body.exchangeIndex() == null ? 0 : body.exchangeIndex(), body.fees()));
        return Response.status(201).entity(Map.of("ticker", body.ticker())).build();
    }

    @POST
    @Path("/{ticker}/settle")
    public Map<String, Object> settle(@PathParam("ticker") String ticker, Settlement body) {
        boolean yes = yesOrNo(body == null ? null : body.result());
        long timer = body.settlementTimerSeconds() == null ? 0 : body.settlementTimerSeconds();
        if (timer < 0 || timer > 86_400) {
            throw new IllegalArgumentException("settlement_timer_seconds must be from 0 to 86400, not " + timer);
        }
        exchange.determine(ticker, yes, java.time.Duration.ofSeconds(timer));
        return Map.of("ticker", ticker, "result", body.result(), "status",
                exchange.market(ticker).status().name().toLowerCase(java.util.Locale.ROOT));
    }

    /** The determined result is challenged: the market is disputed, its settlement waits. */
    @POST
    @Path("/{ticker}/dispute")
    public Map<String, Object> dispute(@PathParam("ticker") String ticker) {
        exchange.dispute(ticker);
        return Map.of("ticker", ticker, "status", "disputed");
    }

    /** A disputed result is re-determined; the settlement timer restarts. */
    @POST
    @Path("/{ticker}/amend")
    public Map<String, Object> amend(@PathParam("ticker") String ticker, Settlement body) {
        exchange.amend(ticker, yesOrNo(body == null ? null : body.result()));
        return Map.of("ticker", ticker, "status", exchange.market(ticker).status().name().toLowerCase(java.util.Locale.ROOT));
    }

    /** The exchange deactivates the market (a pause, not a close). */
    @POST
    @Path("/{ticker}/pause")
    public Map<String, Object> pause(@PathParam("ticker") String ticker) {
        exchange.pause(ticker);
        return Map.of("ticker", ticker, "status", "inactive");
    }

    /** The exchange reactivates a paused market; its resting orders are cancelled. */
    @POST
    @Path("/{ticker}/resume")
    public Map<String, Object> resume(@PathParam("ticker") String ticker) {
        exchange.resume(ticker);
        return Map.of("ticker", ticker, "status", "active");
    }

    private static boolean yesOrNo(String result) {
        if (result == null || !(result.equals("yes") || result.equals("no"))) {
            throw new IllegalArgumentException("result must be 'yes' or 'no'");
        }
        return result.equals("yes");
    }

    /**
     * Churn for benchmarks of the market feed: an account of the simulator's own ({@value #FLICKER})
     * rests one YES bid of one contract at {@code high}, moves it to {@code low} and back, {@code count}
     * moves in all, then cancels it; with both above the best bid, each move changes the top of the book
     * on the feed. The bid is placed post-only: a {@code high} that would cross the book is refused.
     */
    @POST
    @Path("/{ticker}/flicker")
    public Map<String, Object> flicker(@PathParam("ticker") String ticker, Flicker body) {
        if (body == null || body.count() == null || body.count() < 1 || body.count() > MOST_FLICKERS) {
            throw new IllegalArgumentException("count must be between 1 and " + MOST_FLICKERS);
        }
        if (body.low() == null || body.high() == null || body.low().compareTo(body.high()) >= 0) {
            throw new IllegalArgumentException("low and high are required, low below high");
        }
        exchange.openAccount(FLICKER, Money.parse("1000"));
        SimOrder bid = exchange.place(FLICKER, new OrderRequest(ticker, BookSide.BID, Contracts.whole(1), body.high(),
                TimeInForce.GOOD_TILL_CANCELED, Optional.empty(), true, false));
        long started = System.nanoTime();
        try {
            for (int i = 1; i <= body.count(); i++) {
                exchange.amend(FLICKER, bid.orderId(), i % 2 == 1 ? body.low() : body.high(), Contracts.whole(1));
            }
        } finally {
            exchange.cancel(FLICKER, bid.orderId()); // a move refused half way leaves no bid of ours in the book
        }
        long nanos = System.nanoTime() - started;
        return Map.of("moves", body.count(), "seconds", nanos / 1e9); // a duration for a benchmark, not money
    }

    static final String FLICKER = "sim-flicker";
    static final int MOST_FLICKERS = 1_000_000;

    /** How many times to move the flickering bid, between which two YES prices. */
    public record Flicker(Integer count, Price low, Price high) {
    }

    /** A market to list. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record NewMarket(String ticker, String eventTicker, String title, Instant openTime, Instant closeTime,
            String priceLevelStructure, Integer exchangeIndex, String feeType, java.math.BigDecimal feeMultiplier) {

        /** What the market's series charges: the standard fees unless a fee type or multiplier is given. */
        Fees fees() {
            if (feeType == null && feeMultiplier == null) {
                return Fees.STANDARD;
            }
            return new Fees(feeType == null ? Fees.QUADRATIC : feeType,
                    feeMultiplier == null ? java.math.BigDecimal.ONE : feeMultiplier);
        }
    }

    /** How a market resolved, and how long its settlement timer runs (0, the default: it settles at once). */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Settlement(String result, Long settlementTimerSeconds) {
    }
}
