package dev.tradeloop.risk.rest;

import dev.tradeloop.support.TradingStateResource;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** {@code GET /risk/state}: the trading state and every breaker, as risk-service last published it. */
@Path("/risk/state")
public class RiskStateResource {

    private final TradingStateResource tradingState;

    public RiskStateResource(TradingStateResource tradingState) {
        this.tradingState = tradingState;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response state() {
        return tradingState.current();
    }
}
