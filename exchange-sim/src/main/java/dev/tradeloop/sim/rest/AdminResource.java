package dev.tradeloop.sim.rest;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.tradeloop.sim.exchange.SimExchange;
import dev.tradeloop.sim.exchange.SimMarket;
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
                body.exchangeIndex() == null ? 0 : body.exchangeIndex()));
        return Response.status(201).entity(Map.of("ticker", body.ticker())).build();
    }

    @POST
    @Path("/{ticker}/settle")
    public Map<String, Object> settle(@PathParam("ticker") String ticker, Settlement body) {
        if (body.result() == null || !(body.result().equals("yes") || body.result().equals("no"))) {
            throw new IllegalArgumentException("result must be 'yes' or 'no'");
        }
        exchange.settle(ticker, body.result().equals("yes"));
        return Map.of("ticker", ticker, "result", body.result());
    }

    /** A market to list. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record NewMarket(String ticker, String eventTicker, String title, Instant openTime, Instant closeTime,
            String priceLevelStructure, Integer exchangeIndex) {
    }

    /** How a market resolved. */
    public record Settlement(String result) {
    }
}
