package dev.tradeloop.sim.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code GET /trade-api/v2/exchange/status}, as Kalshi answers it: is the exchange open, is trading on. */
@Path("/trade-api/v2/exchange/status")
public class ExchangeStatusResource {

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public ExchangeStatus status() {
        return new ExchangeStatus(true, true);
    }

    /** Kalshi's field names, snake case on the wire. */
    public record ExchangeStatus(
            @com.fasterxml.jackson.annotation.JsonProperty("exchange_active") boolean exchangeActive,
            @com.fasterxml.jackson.annotation.JsonProperty("trading_active") boolean tradingActive) {
    }
}
