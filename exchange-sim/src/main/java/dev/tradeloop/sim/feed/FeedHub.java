package dev.tradeloop.sim.feed;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tradeloop.events.json.Json;
import dev.tradeloop.events.money.Contracts;
import dev.tradeloop.events.money.Price;
import dev.tradeloop.sim.exchange.BookLevel;
import dev.tradeloop.sim.exchange.BookSide;
import dev.tradeloop.sim.exchange.ExchangeListener;
import dev.tradeloop.sim.exchange.SimExchange;
import dev.tradeloop.sim.exchange.SimFill;
import dev.tradeloop.sim.exchange.SimMarket;
import dev.tradeloop.sim.exchange.SimOrder;
import dev.tradeloop.sim.config.SimConfig;
import dev.tradeloop.sim.faults.Faults;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.websockets.next.WebSocketConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The WebSocket side of the simulator: each connection's subscriptions, and the messages the
 * exchange's changes become. Everything that touches a subscription runs under the exchange's
 * lock (in a listener callback or {@link SimExchange#atomically}), so a snapshot and the deltas
 * after it can never interleave, and each {@code sid}'s {@code seq} rises by exactly one.
 */
@ApplicationScoped
public class FeedHub implements ExchangeListener {

    static final String ORDERBOOK = "orderbook_delta";
    static final String TICKER = "ticker";
    static final String FILL = "fill";
    static final String USER_ORDERS = "user_orders";
    private static final Set<String> CHANNELS = Set.of(ORDERBOOK, TICKER, FILL, USER_ORDERS);

    private final SimExchange exchange;
    private final Faults faults;
    private final Clock clock;
    private final ObjectMapper mapper = Json.mapper();
    private final Map<String, Client> clients = new ConcurrentHashMap<>();
    private final int marketLimit;

    public FeedHub(SimExchange exchange, Faults faults, Clock clock, SimConfig config) {
        this.exchange = exchange;
        this.faults = faults;
        this.clock = clock;
        this.marketLimit = config.feedMarketLimit();
    }

    void onStart(@Observes StartupEvent start) {
        exchange.listen(this);
    }

    void connected(WebSocketConnection connection, String account) {
        clients.put(connection.id(), new Client(connection, account));
    }

    void disconnected(WebSocketConnection connection) {
        clients.remove(connection.id());
    }

    /**
     * Ends every subscription of every connection with a terminal error ({@code 10} channel error,
     * {@code 17} internal error, {@code 25} buffer overflow: "the user must resubscribe"), a fault a
     * client must survive; returns how many subscriptions ended.
     */
    public int endSubscriptions(int code) {
        if (code != 10 && code != 17 && code != 25) {
            throw new IllegalArgumentException("a terminal error is 10, 17 or 25, not " + code);
        }
        int[] ended = {0};
        exchange.atomically(() -> {
            for (Client client : clients.values()) {
                for (Subscription subscription : List.copyOf(client.subscriptions.values())) {
                    client.subscriptions.remove(subscription.sid);
                    send(client.connection, error(0, code, "subscription " + subscription.sid + " ended"));
                    ended[0]++;
                }
            }
        });
        return ended[0];
    }

    /** Closes every connection now (a fault a client must survive); returns how many. */
    public int dropAll() {
        List<Client> all = new ArrayList<>(clients.values());
        all.forEach(client -> client.connection.close().subscribe().with(done -> { }, failure -> { }));
        return all.size();
    }

    void command(WebSocketConnection connection, String text) {
        Client client = clients.get(connection.id());
        JsonNode command;
        try {
            command = mapper.readTree(text);
        } catch (JsonProcessingException e) {
            send(connection, error(0, 1, "the command is not JSON"));
            return;
        }
        int id = command.path("id").asInt(0);
        JsonNode params = command.path("params");
        if (params.isMissingNode() && !command.path("cmd").asText("").equals("list_subscriptions")) {
            send(connection, error(id, 2, "params required"));
            return;
        }
        switch (command.path("cmd").asText("")) {
            case "subscribe" -> exchange.atomically(() -> subscribe(client, id, params));
            case "unsubscribe" -> exchange.atomically(() -> unsubscribe(client, id, params));
            case "update_subscription" -> exchange.atomically(() -> update(client, id, params));
            case "list_subscriptions" -> send(connection, listing(client, id));
            default -> send(connection, error(id, 5, "unknown command '" + command.path("cmd").asText("") + "'"));
        }
    }

    private void subscribe(Client client, int id, JsonNode params) {
        Set<String> tickers = texts(params.path("market_tickers"));
        if (params.path("channels").isEmpty()) {
            send(client.connection, error(id, 3, "channels required"));
            return;
        }
        for (String channel : texts(params.path("channels"))) {
            if (!CHANNELS.contains(channel)) {
                send(client.connection, error(id, 8, "unknown channel name '" + channel + "'"));
                continue;
            }
            if (channel.equals(ORDERBOOK) && tickers.isEmpty()) {
                send(client.connection, error(id, 14, "market ticker required: orderbook_delta needs market_tickers"));
                continue;
            }
            if (tickers.size() > marketLimit) {
                send(client.connection, error(id, 26, "subscription market limit exceeded: " + tickers.size()
                        + " markets, the limit is " + marketLimit));
                continue;
            }
            Subscription subscription = new Subscription(++client.lastSid, channel, new HashSet<>(tickers),
                    params.path("use_yes_price").asBoolean(false));
            client.subscriptions.put(subscription.sid, subscription);
            Map<String, Object> msg = new LinkedHashMap<>();
            msg.put("channel", channel);
            msg.put("sid", subscription.sid);
            send(client.connection, message(id, "subscribed", null, null, msg));
            if (channel.equals(ORDERBOOK)) {
                tickers.forEach(ticker -> snapshot(client, subscription, ticker));
            }
        }
    }

    private void unsubscribe(Client client, int id, JsonNode params) {
        if (params.path("sids").isEmpty()) {
            send(client.connection, error(id, 4, "subscription ids required"));
            return;
        }
        for (JsonNode sid : params.path("sids")) {
            Subscription ended = client.subscriptions.remove(sid.asInt());
            if (ended == null) {
                send(client.connection, error(id, 7, "unknown subscription id " + sid.asText()));
            } else {
                send(client.connection, message(id, "unsubscribed", ended.sid, ++ended.seq, null));
            }
        }
    }

    private void update(Client client, int id, JsonNode params) {
        Subscription subscription = client.subscriptions.get(params.path("sid").asInt());
        if (subscription == null) {
            send(client.connection, error(id, 7, "unknown subscription id " + params.path("sid").asText()));
            return;
        }
        Set<String> tickers = texts(params.path("market_tickers"));
        switch (params.path("action").asText("")) {
            case "add_markets" -> {
                Set<String> after = new HashSet<>(subscription.tickers);
                after.addAll(tickers);
                if (after.size() > marketLimit) {
                    send(client.connection, error(id, 26, "subscription market limit exceeded: " + after.size()
                            + " markets, the limit is " + marketLimit));
                    return;
                }
                subscription.tickers.addAll(tickers);
                if (subscription.channel.equals(ORDERBOOK)) {
                    tickers.forEach(ticker -> snapshot(client, subscription, ticker));
                }
            }
            case "delete_markets" -> subscription.tickers.removeAll(tickers);
            case "get_snapshot" -> (tickers.isEmpty() ? Set.copyOf(subscription.tickers) : tickers)
                    .forEach(ticker -> snapshot(client, subscription, ticker));
            case "" -> {
                send(client.connection, error(id, 15, "action required"));
                return;
            }
            default -> {
                send(client.connection, error(id, 13, "unsupported action: add_markets, delete_markets or get_snapshot"));
                return;
            }
        }
        send(client.connection, message(id, "ok", subscription.sid, ++subscription.seq,
                Map.of("market_tickers", List.copyOf(subscription.tickers))));
    }

    private void snapshot(Client client, Subscription subscription, String ticker) {
        Map<String, Object> msg = new LinkedHashMap<>();
        msg.put("market_ticker", ticker);
        msg.put("market_id", marketId(ticker));
        List<List<String>> yes = levels(ticker, BookSide.BID, false);
        List<List<String>> no = levels(ticker, BookSide.ASK, !subscription.yesPrices);
        if (!yes.isEmpty()) {
            msg.put("yes_dollars_fp", yes);
        }
        if (!no.isEmpty()) {
            msg.put("no_dollars_fp", no);
        }
        send(client.connection, message(null, "orderbook_snapshot", subscription.sid, ++subscription.seq, msg));
    }

    /** One side's levels in that side's own prices, ascending (best last), as Kalshi lays them out. */
    private List<List<String>> levels(String ticker, BookSide side, boolean inNoPrices) {
        List<List<String>> levels = new ArrayList<>();
        for (BookLevel level : exchange.levels(ticker, side)) {
            Price price = inNoPrices ? level.yesPrice().complement() : level.yesPrice();
            levels.add(0, List.of(price.toString(), level.size().toString()));
        }
        return levels;
    }

    @Override
    public void bookChanged(String ticker, BookSide side, Price yesPrice, long deltaHundredths) {
        boolean gap = faults.takeSequenceGap();
        for (Client client : clients.values()) {
            for (Subscription subscription : client.subscriptions.values()) {
                boolean covers = subscription.tickers.isEmpty()
                        ? !subscription.channel.equals(ORDERBOOK) : subscription.tickers.contains(ticker);
                if (!covers) {
                    continue;
                }
                if (subscription.channel.equals(ORDERBOOK)) {
                    subscription.seq += gap ? 2 : 1;
                    Map<String, Object> msg = new LinkedHashMap<>();
                    msg.put("market_ticker", ticker);
                    msg.put("market_id", marketId(ticker));
                    boolean inYesPrices = side == BookSide.BID || subscription.yesPrices;
                    msg.put("price_dollars", (inYesPrices ? yesPrice : yesPrice.complement()).toString());
                    msg.put("delta_fp", signed(deltaHundredths));
                    msg.put("side", side == BookSide.BID ? "yes" : "no");
                    msg.put("ts_ms", clock.millis());
                    send(client.connection, message(null, "orderbook_delta", subscription.sid, subscription.seq, msg));
                } else if (subscription.channel.equals(TICKER)) {
                    send(client.connection, message(null, "ticker", subscription.sid, null, ticker(ticker)));
                }
            }
        }
    }

    @Override
    public void filled(SimFill fill, long postPositionHundredths) {
        for (Client client : clients.values()) {
            if (!client.account.equals(fill.accountId())) {
                continue;
            }
            for (Subscription subscription : client.subscriptions.values()) {
                if (subscription.channel.equals(FILL)) {
                    Map<String, Object> msg = new LinkedHashMap<>();
                    msg.put("trade_id", fill.fillId());
                    msg.put("order_id", fill.orderId());
                    msg.put("market_ticker", fill.ticker());
                    msg.put("exchange_index", exchange.market(fill.ticker()).shard());
                    msg.put("is_taker", fill.taker());
                    // the deprecated side, action and purchased_side are still required: a buy of the outcome side
                    msg.put("side", fill.side().outcomeSide());
                    msg.put("action", "buy");
                    msg.put("purchased_side", fill.side().outcomeSide());
                    msg.put("outcome_side", fill.side().outcomeSide());
                    msg.put("book_side", fill.side().name().toLowerCase());
                    msg.put("yes_price_dollars", fill.yesPrice().toString());
                    msg.put("count_fp", fill.count().toString());
                    msg.put("fee_cost", fill.fee().toString());
                    msg.put("post_position_fp", signed(postPositionHundredths));
                    msg.put("ts", fill.createdAt().getEpochSecond());
                    msg.put("ts_ms", fill.createdAt().toEpochMilli());
                    send(client.connection, message(null, "fill", subscription.sid, null, msg));
                }
            }
        }
    }

    /** Every change to one of the account's orders, to its {@code user_orders} subscriptions (all markets, or those named). */
    @Override
    public void orderChanged(SimOrder order) {
        for (Client client : clients.values()) {
            if (!client.account.equals(order.accountId())) {
                continue;
            }
            for (Subscription subscription : client.subscriptions.values()) {
                boolean covers = subscription.tickers.isEmpty() || subscription.tickers.contains(order.ticker());
                if (subscription.channel.equals(USER_ORDERS) && covers) {
                    send(client.connection, message(null, "user_order", subscription.sid, null, userOrder(order)));
                }
            }
        }
    }

    private static Map<String, Object> userOrder(SimOrder order) {
        String outcome = order.side().outcomeSide();
        Map<String, Object> msg = new LinkedHashMap<>();
        msg.put("order_id", order.orderId());
        msg.put("user_id", order.accountId());
        msg.put("ticker", order.ticker());
        msg.put("status", order.status().name().toLowerCase(java.util.Locale.ROOT));
        msg.put("side", outcome);
        msg.put("is_yes", outcome.equals("yes"));
        msg.put("outcome_side", outcome);
        msg.put("book_side", order.side().name().toLowerCase(java.util.Locale.ROOT));
        msg.put("yes_price_dollars", order.yesPrice().toString());
        msg.put("fill_count_fp", order.filledCount().toString());
        msg.put("remaining_count_fp", order.remainingCount().toString());
        msg.put("initial_count_fp", order.initialCount().toString());
        msg.put("taker_fill_cost_dollars", order.takerFillCost().toString());
        msg.put("maker_fill_cost_dollars", order.makerFillCost().toString());
        msg.put("taker_fees_dollars", order.takerFees().toString());
        msg.put("maker_fees_dollars", order.makerFees().toString());
        msg.put("client_order_id", order.clientOrderId().orElse(""));
        msg.put("created_time", order.createdAt().toString());
        msg.put("created_ts_ms", order.createdAt().toEpochMilli());
        msg.put("last_updated_ts_ms", order.updatedAt().toEpochMilli());
        return msg;
    }

    private Map<String, Object> ticker(String ticker) {
        SimMarket market = exchange.market(ticker);
        Map<String, Object> msg = new LinkedHashMap<>();
        msg.put("market_ticker", ticker);
        msg.put("market_id", marketId(ticker));
        msg.put("price_dollars", market.lastPrice().orElse(Price.ZERO).toString());
        msg.put("yes_bid_dollars", exchange.bestBid(ticker).orElse(Price.ZERO).toString());
        msg.put("yes_ask_dollars", exchange.bestAsk(ticker).orElse(Price.ONE).toString());
        msg.put("yes_bid_size_fp", topSize(ticker, BookSide.BID).toString());
        msg.put("yes_ask_size_fp", topSize(ticker, BookSide.ASK).toString());
        msg.put("last_trade_size_fp", Contracts.ZERO.toString());
        msg.put("volume_fp", market.volume().toString());
        msg.put("open_interest_fp", Contracts.ZERO.toString());
        msg.put("dollar_volume", 0);
        msg.put("dollar_open_interest", 0);
        msg.put("ts", clock.instant().getEpochSecond());
        msg.put("ts_ms", clock.millis());
        msg.put("time", clock.instant().toString());
        return msg;
    }

    /** A market's id as Kalshi gives it, a UUID; the simulator derives it from the ticker. */
    static String marketId(String ticker) {
        return java.util.UUID.nameUUIDFromBytes(ticker.getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString();
    }

    private Contracts topSize(String ticker, BookSide side) {
        List<BookLevel> levels = exchange.levels(ticker, side);
        return levels.isEmpty() ? Contracts.ZERO : levels.get(0).size();
    }

    private Map<String, Object> listing(Client client, int id) {
        List<Map<String, Object>> subscriptions = new ArrayList<>();
        client.subscriptions.values().forEach(s -> subscriptions.add(Map.of("sid", s.sid, "channel", s.channel)));
        return message(id, "ok", null, null, Map.of("subscriptions", subscriptions));
    }

    private static Map<String, Object> message(Integer id, String type, Integer sid, Long seq, Object msg) {
        Map<String, Object> message = new LinkedHashMap<>();
        if (id != null && id > 0) {
            message.put("id", id);
        }
        message.put("type", type);
        if (sid != null) {
            message.put("sid", sid);
        }
        if (seq != null) {
            message.put("seq", seq);
        }
        if (msg != null) {
            message.put("msg", msg);
        }
        return message;
    }

    private static Map<String, Object> error(int id, int code, String text) {
        return message(id, "error", null, null, Map.of("code", code, "msg", text));
    }

    private void send(WebSocketConnection connection, Map<String, Object> message) {
        try {
            connection.sendText(mapper.writeValueAsString(message))
                    .subscribe().with(sent -> { }, failure -> Log.debugf("not sent to %s: %s", connection.id(), failure));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String signed(long hundredths) {
        return (hundredths < 0 ? "-" : "") + new Contracts(Math.abs(hundredths));
    }

    private static Set<String> texts(JsonNode array) {
        Set<String> texts = new HashSet<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }

    /** One connection: its account and its subscriptions by sid. */
    private static final class Client {
        final WebSocketConnection connection;
        final String account;
        final Map<Integer, Subscription> subscriptions = new LinkedHashMap<>();
        int lastSid;

        Client(WebSocketConnection connection, String account) {
            this.connection = connection;
            this.account = account;
        }
    }

    /**
     * One subscription: a channel, its markets, its last sequence number, and whether its NO book
     * levels are in YES prices ({@code use_yes_price}; Kalshi's default, for now, is NO prices).
     */
    private static final class Subscription {
        final int sid;
        final String channel;
        final Set<String> tickers;
        final boolean yesPrices;
        long seq;

        Subscription(int sid, String channel, Set<String> tickers, boolean yesPrices) {
            this.sid = sid;
            this.channel = channel;
            this.tickers = tickers;
            this.yesPrices = yesPrices;
        }
    }
}
