package dev.tradeloop.sim.rest;

import dev.tradeloop.sim.faults.FaultInjected;
import dev.tradeloop.events.money.Contracts;
import dev.tradeloop.events.money.Price;
import dev.tradeloop.sim.exchange.BookLevel;
import dev.tradeloop.sim.exchange.BookSide;
import dev.tradeloop.sim.exchange.SimExchange;
import dev.tradeloop.sim.exchange.SimMarket;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Public market data: {@code GET /markets}, {@code /markets/{ticker}} and its order book. No signature needed. */
@FaultInjected
@Path("/trade-api/v2/markets")
@Produces(MediaType.APPLICATION_JSON)
public class MarketsResource {

    private static final Map<String, Set<SimMarket.Status>> STATUS_FILTERS = Map.of(
            "unopened", Set.of(SimMarket.Status.INITIALIZED),
            "open", Set.of(SimMarket.Status.ACTIVE),
            "paused", Set.of(SimMarket.Status.INACTIVE),
            "closed", Set.of(SimMarket.Status.CLOSED, SimMarket.Status.DETERMINED, SimMarket.Status.DISPUTED,
                    SimMarket.Status.AMENDED),
            "settled", Set.of(SimMarket.Status.FINALIZED));

    private final SimExchange exchange;

    public MarketsResource(SimExchange exchange) {
        this.exchange = exchange;
    }

    @GET
    public Map<String, Object> markets(@QueryParam("limit") @DefaultValue("100") int limit,
            @QueryParam("cursor") String cursor, @QueryParam("status") String status,
            @QueryParam("event_ticker") String eventTicker, @QueryParam("tickers") String tickers,
            @QueryParam("series_ticker") String seriesTicker) {
        Set<String> wanted = tickers == null || tickers.isBlank() ? Set.of()
                : Arrays.stream(tickers.split(",")).map(String::trim).collect(Collectors.toSet());
        List<KalshiViews.Market> matching = exchange.markets().stream()
                .filter(market -> status == null || statusFilter(status).contains(market.status()))
                .filter(market -> eventTicker == null || market.eventTicker().equals(eventTicker))
                .filter(market -> seriesTicker == null || market.eventTicker().equals(seriesTicker)
                        || market.eventTicker().startsWith(seriesTicker + "-"))
                .filter(market -> wanted.isEmpty() || wanted.contains(market.ticker()))
                .map(this::view)
                .toList();
        return Page.of(matching, cursor, limit).body("markets");
    }

    @GET
    @Path("/{ticker}")
    public Map<String, Object> market(@PathParam("ticker") String ticker) {
        return Map.of("market", view(exchange.market(ticker)));
    }

    /** Bids only, for each side, ascending, so the best bid is the last element (Kalshi's layout). */
    @GET
    @Path("/{ticker}/orderbook")
    public Map<String, Object> orderbook(@PathParam("ticker") String ticker,
            @QueryParam("depth") @DefaultValue("0") int depth) {
        List<List<String>> yes = new ArrayList<>();
        for (BookLevel level : limit(exchange.levels(ticker, BookSide.BID), depth)) {
            yes.add(0, List.of(level.yesPrice().toString(), level.size().toString()));
        }
        List<List<String>> no = new ArrayList<>();
        for (BookLevel level : limit(exchange.levels(ticker, BookSide.ASK), depth)) {
            no.add(0, List.of(level.yesPrice().complement().toString(), level.size().toString()));
        }
        Map<String, Object> book = new LinkedHashMap<>();
        book.put("yes_dollars", yes); // both always, empty or not, as the schema requires
        book.put("no_dollars", no);
        return Map.of("orderbook_fp", book);
    }

    private KalshiViews.Market view(SimMarket market) {
        List<BookLevel> bids = exchange.levels(market.ticker(), BookSide.BID);
        List<BookLevel> asks = exchange.levels(market.ticker(), BookSide.ASK);
        return KalshiViews.Market.of(market,
                bids.stream().findFirst().map(BookLevel::yesPrice), asks.stream().findFirst().map(BookLevel::yesPrice),
                bids.stream().findFirst().map(BookLevel::size).orElse(Contracts.ZERO),
                asks.stream().findFirst().map(BookLevel::size).orElse(Contracts.ZERO));
    }

    private static List<BookLevel> limit(List<BookLevel> levels, int depth) {
        return depth > 0 && levels.size() > depth ? levels.subList(0, depth) : levels;
    }

    private static Set<SimMarket.Status> statusFilter(String status) {
        Set<SimMarket.Status> statuses = STATUS_FILTERS.get(status);
        if (statuses == null) {
            throw new IllegalArgumentException("status must be one of " + STATUS_FILTERS.keySet() + ", not " + status);
        }
        return statuses;
    }

}
