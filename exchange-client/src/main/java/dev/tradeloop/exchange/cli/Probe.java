package dev.tradeloop.exchange.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tradeloop.events.Side;
import dev.tradeloop.events.json.Json;
import dev.tradeloop.events.money.Contracts;
import dev.tradeloop.events.money.Price;
import dev.tradeloop.exchange.ExchangeEnvironment;
import dev.tradeloop.exchange.auth.ApiCredentials;
import dev.tradeloop.exchange.auth.RequestSigner;
import dev.tradeloop.exchange.feed.FeedCommands;
import dev.tradeloop.exchange.model.Market;
import dev.tradeloop.exchange.model.NewOrder;
import dev.tradeloop.exchange.model.OrderAck;
import dev.tradeloop.exchange.rest.ExchangeException;
import dev.tradeloop.exchange.rest.KalshiClient;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * {@code ./tradeloop exchange probe}: asks the exchange what Kalshi's specification leaves open
 * (docs/KALSHI.md), with post-only orders of one contract at the far end of a market's price grid,
 * each cancelled before it ends. Refused on production: it places orders.
 */
final class Probe {

    private static final Duration FEED_WAIT = Duration.ofSeconds(10);

    private final PrintStream out;
    private final KalshiClient client;
    private final ApiCredentials credentials;
    private final List<String> resting = new ArrayList<>();

    Probe(PrintStream out, KalshiClient client, ApiCredentials credentials) {
        this.out = out;
        this.client = client;
        this.credentials = credentials;
    }

    void run(Optional<String> ticker, List<String> series) {
        ExchangeEnvironment environment = client.environment();
        if (environment.isProduction()) {
            throw new IllegalArgumentException("probe places orders: it runs on demo or the simulator, never on "
                    + "production");
        }
        Market market = ticker.map(client::market).orElseGet(() -> chosenFrom(series));
        String id = market.ticker();
        out.println("probing " + environment.name() + " (" + environment.restBase() + ") on " + id + ", shard "
                + market.shard() + ", prices " + market.priceRanges());
        Price lowest = market.priceGrid(Side.YES).lowest();
        Price highest = market.priceGrid(Side.YES).highest();
        try {
            OrderAck bid = client.createOrder(new NewOrder(id, "bid", Contracts.whole(1), lowest,
                    NewOrder.GOOD_TILL_CANCELED, clientOrderId(), true, null, "taker_at_cross"));
            resting.add(bid.orderId());
            answer("a post-only bid of 1 at " + lowest + " rests", "yes, order " + bid.orderId());
            answer("GET /portfolio/orders/{id} finds an order on shard " + market.shard(),
                    attempt(() -> "yes: " + client.orderById(bid.orderId()).status()));
            answer("the feed's ok answer carries seq", okCarriesSeq(environment, id));
            answer("reduce_only on a resting (good-till-canceled) sale", attempt(() -> {
                OrderAck sale = client.createOrder(new NewOrder(id, "ask", Contracts.whole(1), highest,
                        NewOrder.GOOD_TILL_CANCELED, clientOrderId(), true, true, "taker_at_cross"));
                resting.add(sale.orderId());
                return "accepted (order " + sale.orderId() + ")";
            }));
            answer("a cancel without market_ticker of an order on shard " + market.shard(), attempt(() -> {
                client.cancelOrderUnrouted(bid.orderId());
                resting.remove(bid.orderId());
                return "cancelled (shard 0 took it)";
            }));
        } finally {
            cancelWhatRests(id);
        }
        out.println("not probed: whether fee_cost includes the rounding fee (it needs a fill, which a post-only "
                + "order far from the market never gets); the per-subscription market limit");
    }

    private Market chosenFrom(List<String> series) {
        if (series.isEmpty()) {
            throw new IllegalArgumentException("probe needs a market: --market TICKER or --series KX…");
        }
        List<Market> open = new ArrayList<>();
        for (String one : series) {
            open.addAll(client.allMarkets(Map.of("series_ticker", one, "status", "open")));
        }
        // a market off shard 0 teaches the most: how unrouted reads and cancels are answered
        return open.stream().filter(m -> m.shard() != 0).findFirst().or(() -> open.stream().findFirst())
                .orElseThrow(() -> new IllegalArgumentException("no open market in the series " + series));
    }

    private static String clientOrderId() {
        return "probe-" + UUID.randomUUID();
    }

    private void answer(String question, String answer) {
        out.printf("  %-62s %s%n", question + ":", answer);
    }

    private static String attempt(Supplier<String> call) {
        try {
            return call.get();
        } catch (ExchangeException e) {
            return "refused, " + e.getMessage();
        }
    }

    private void cancelWhatRests(String ticker) {
        for (String orderId : List.copyOf(resting)) {
            try {
                client.cancelOrder(orderId, ticker);
                out.println("  cancelled order " + orderId);
            } catch (ExchangeException.NotFound gone) {
                out.println("  order " + orderId + " is gone already");
            } catch (ExchangeException e) {
                out.println("  COULD NOT CANCEL order " + orderId + " (" + e.getMessage() + "): cancel it yourself");
            }
        }
        resting.clear();
    }

    /** Subscribes to the market's book, asks for a snapshot, and reads the {@code ok} that answers it. */
    private String okCarriesSeq(ExchangeEnvironment environment, String ticker) {
        BlockingQueue<JsonNode> messages = new LinkedBlockingQueue<>();
        WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(FEED_WAIT);
        new RequestSigner(credentials, Clock.systemUTC()).headers("GET", environment.webSocket().getPath())
                .forEach(builder::header);
        WebSocket socket;
        try {
            socket = builder.buildAsync(environment.webSocket(), new Collector(messages)).get(FEED_WAIT.toSeconds(),
                    TimeUnit.SECONDS);
        } catch (Exception e) {
            return "not known: the feed could not be opened (" + e + ")";
        }
        try {
            socket.sendText(Json.mapper().writeValueAsString(FeedCommands.subscribe(1, List.of("orderbook_delta"),
                    List.of(ticker))), true).join();
            Optional<JsonNode> subscribed = next(messages, "subscribed");
            if (subscribed.isEmpty()) {
                return "not known: no subscription within " + FEED_WAIT.toSeconds() + " s";
            }
            int sid = subscribed.get().path("msg").path("sid").asInt();
            socket.sendText(Json.mapper().writeValueAsString(FeedCommands.update(2, sid, "get_snapshot", List.of())),
                    true).join();
            return next(messages, "ok").map(ok -> ok.has("seq") ? "yes, seq " + ok.path("seq").asLong() : "no")
                    .orElse("not known: no ok within " + FEED_WAIT.toSeconds() + " s");
        } catch (Exception e) {
            return "not known: " + e;
        } finally {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "probe done");
        }
    }

    private static Optional<JsonNode> next(BlockingQueue<JsonNode> messages, String type) throws InterruptedException {
        long end = System.nanoTime() + FEED_WAIT.toNanos();
        while (System.nanoTime() < end) {
            JsonNode message = messages.poll(end - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (message != null && message.path("type").asText().equals(type)) {
                return Optional.of(message);
            }
        }
        return Optional.empty();
    }

    /** Collects whole text messages as JSON. */
    private static final class Collector implements WebSocket.Listener {
        private final BlockingQueue<JsonNode> messages;
        private final StringBuilder partial = new StringBuilder();

        Collector(BlockingQueue<JsonNode> messages) {
            this.messages = messages;
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                try {
                    messages.add(Json.mapper().readTree(partial.toString()));
                } catch (java.io.IOException e) {
                    // an unreadable message answers nothing the probe asked
                }
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }
    }
}
