package dev.tradeloop.sim.rest;

import dev.tradeloop.sim.exchange.ExchangeRejection;
import dev.tradeloop.sim.exchange.Fees;
import dev.tradeloop.sim.exchange.SimExchange;
import dev.tradeloop.sim.faults.FaultInjected;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /series/{series_ticker}}: a series of the simulator (the event tickers' part before
 * the first dash) with what it charges, {@code fee_type} and {@code fee_multiplier}, a JSON number
 * as Kalshi's specification has it.
 */
@FaultInjected
@Path("/trade-api/v2/series")
@Produces(MediaType.APPLICATION_JSON)
public class SeriesResource {

    private final SimExchange exchange;

    public SeriesResource(SimExchange exchange) {
        this.exchange = exchange;
    }

    @GET
    @Path("/{seriesTicker}")
    public Map<String, Object> series(@PathParam("seriesTicker") String seriesTicker) {
        Fees fees = exchange.seriesFees(seriesTicker)
                .orElseThrow(() -> ExchangeRejection.notFound("series " + seriesTicker + " not found"));
        Map<String, Object> series = new LinkedHashMap<>();
        series.put("ticker", seriesTicker);
        series.put("frequency", "custom");
        series.put("title", "Paper series " + seriesTicker);
        series.put("category", "Paper");
        series.put("tags", List.of());
        series.put("settlement_sources", List.of());
        series.put("contract_url", "");
        series.put("contract_terms_url", "");
        series.put("fee_type", fees.type());
        series.put("fee_multiplier", fees.multiplier());
        series.put("additional_prohibitions", List.of());
        return Map.of("series", series);
    }
}
