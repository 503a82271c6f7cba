package dev.tradeloop.sim.rest;

import dev.tradeloop.sim.exchange.ExchangeRejection;
import dev.tradeloop.sim.exchange.SimExchange;
import dev.tradeloop.sim.exchange.SimMarket;
import dev.tradeloop.sim.faults.FaultInjected;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code GET /events} and {@code /events/{event_ticker}}: the simulator's events, each the group of
 * its markets (markets of one event are correlated, which the risk limits per event rely on).
 */
@FaultInjected
@Path("/trade-api/v2/events")
@Produces(MediaType.APPLICATION_JSON)
public class EventsResource {

    private final SimExchange exchange;
    private final MarketsResource markets;

    public EventsResource(SimExchange exchange, MarketsResource markets) {
        this.exchange = exchange;
        this.markets = markets;
    }

    @GET
    public Map<String, Object> events(@QueryParam("limit") @DefaultValue("100") int limit,
            @QueryParam("cursor") String cursor,
            @QueryParam("with_nested_markets") @DefaultValue("false") boolean nested) {
        Map<String, List<SimMarket>> byEvent = byEvent();
        List<Map<String, Object>> events = byEvent.entrySet().stream()
                .map(entry -> event(entry.getKey(), entry.getValue(), nested))
                .toList();
        Page<Map<String, Object>> page = Page.of(events, cursor, limit);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("events", page.items());
        body.put("cursor", page.nextCursor());
        return body;
    }

    @GET
    @Path("/{eventTicker}")
    public Map<String, Object> event(@PathParam("eventTicker") String eventTicker) {
        List<SimMarket> members = byEvent().get(eventTicker);
        if (members == null) {
            throw ExchangeRejection.notFound("event " + eventTicker + " not found");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("event", event(eventTicker, members, false));
        body.put("markets", members.stream().map(m -> markets.market(m.ticker()).get("market")).toList());
        return body;
    }

    private Map<String, List<SimMarket>> byEvent() {
        return exchange.markets().stream()
                .collect(Collectors.groupingBy(SimMarket::eventTicker, LinkedHashMap::new, Collectors.toList()));
    }

    private Map<String, Object> event(String eventTicker, List<SimMarket> members, boolean nested) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("event_ticker", eventTicker);
        event.put("series_ticker", eventTicker.contains("-") ? eventTicker.substring(0, eventTicker.indexOf('-')) : eventTicker);
        event.put("sub_title", "");
        event.put("title", eventTicker);
        event.put("collateral_return_type", "");
        event.put("mutually_exclusive", false);
        event.put("available_on_brokers", false);
        event.put("settlement_sources", List.of());
        if (nested) {
            event.put("markets", members.stream().map(m -> markets.market(m.ticker()).get("market")).toList());
        }
        return event;
    }
}
