package dev.tradeloop.exchange.feed;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tradeloop.events.json.Json;
import dev.tradeloop.exchange.ExchangeEnvironment;
import dev.tradeloop.exchange.auth.ApiCredentials;
import dev.tradeloop.exchange.auth.RequestSigner;
import dev.tradeloop.exchange.rest.ExchangeException;
import dev.tradeloop.exchange.rest.KalshiClient;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Kalshi's WebSocket market feed for a set of markets: order books kept from snapshots and
 * deltas, tickers, and the account's fills. Each order-book message's {@code seq} must be the last
 * plus one; a gap drops that subscription's books, rebuilds them from a REST snapshot at once, and
 * asks the exchange for a fresh snapshot (deltas are ignored until it comes). A dropped connection
 * is reopened with backoff, resubscribed, and its books rebuilt over REST; so is a subscription
 * the exchange ends with a terminal error (10, 17 or 25: "the user must resubscribe"). The
 * {@code ok} and {@code unsubscribed} answers carry their subscription's {@code seq} and count in
 * its sequence. Never silently stale. All state lives on one worker thread.
 */
public final class MarketFeed implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(MarketFeed.class.getName());
    private static final Duration FIRST_RETRY = Duration.ofMillis(500);
    private static final Duration LONGEST_RETRY = Duration.ofSeconds(30);
    private static final Duration DEFAULT_STALE_AFTER = Duration.ofSeconds(60);
    private static final String ORDERBOOK = "orderbook_delta";
    /** Kalshi's terminal channel errors: the subscription has ended and must be made again. */
    private static final Set<Integer> TERMINAL_ERRORS = Set.of(10, 17, 25);

    private final ExchangeEnvironment environment;
    private final RequestSigner signer;
    private final KalshiClient rest;
    private final FeedListener listener;
    private final Clock clock;
    private final Duration staleAfter;
    private final Map<String, java.time.Instant> lastHeard = new HashMap<>();
    private volatile boolean live;
    private final Set<String> channels;
    private final Set<String> tickers = new java.util.LinkedHashSet<>();
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper mapper = Json.mapper();
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "kalshi-feed");
        thread.setDaemon(true);
        return thread;
    });

    private WebSocket socket;
    private int nextCommandId;
    private int failedAttempts;
    private boolean closed;
    private boolean resyncOnSubscribe;
    private final Map<Integer, String> channelBySid = new HashMap<>();
    private final Map<Integer, Long> lastSeq = new HashMap<>();
    private final Set<Integer> awaitingSnapshot = new HashSet<>();
    private final Set<String> subscribing = new HashSet<>();
    private final Map<String, LocalBook> books = new LinkedHashMap<>();

    public MarketFeed(ExchangeEnvironment environment, ApiCredentials credentials, KalshiClient rest, Clock clock,
            Set<String> channels, Set<String> tickers, FeedListener listener) {
        this(environment, credentials, rest, clock, channels, tickers, listener, DEFAULT_STALE_AFTER);
    }

    /**
     * A feed that also resynchronises, from a REST snapshot and a fresh WebSocket snapshot, any
     * watched market it has heard nothing of (no book, no ticker message) for {@code staleAfter}:
     * a quiet market costs one REST read per period, a silently broken subscription is healed.
     */
    public MarketFeed(ExchangeEnvironment environment, ApiCredentials credentials, KalshiClient rest, Clock clock,
            Set<String> channels, Set<String> tickers, FeedListener listener, Duration staleAfter) {
        this.environment = environment;
        this.signer = new RequestSigner(credentials, clock);
        this.rest = rest;
        this.clock = clock;
        this.channels = Set.copyOf(channels);
        this.tickers.addAll(tickers);
        this.listener = listener;
        this.staleAfter = staleAfter;
    }

    /** True while the connection is open and every channel is subscribed: the feed is live. */
    public boolean isLive() {
        return live;
    }

    /** Connects and subscribes; returns at once, the feed works in the background. */
    public void start() {
        worker.execute(() -> tickers.forEach(ticker -> lastHeard.put(ticker, clock.instant())));
        worker.execute(this::connect);
        long check = Math.max(250, staleAfter.toMillis() / 4);
        worker.scheduleWithFixedDelay(this::resyncStale, check, check, TimeUnit.MILLISECONDS);
    }

    /** Starts watching {@code added} too: their books arrive as snapshots, then deltas. */
    public void addMarkets(Set<String> added) {
        worker.execute(() -> changeMarkets("add_markets", added));
    }

    /** Stops watching {@code removed}; their books are forgotten. */
    public void removeMarkets(Set<String> removed) {
        worker.execute(() -> changeMarkets("delete_markets", removed));
    }

    private void changeMarkets(String action, Set<String> changed) {
        if (action.equals("add_markets")) {
            tickers.addAll(changed);
            changed.forEach(ticker -> lastHeard.put(ticker, clock.instant()));
            List<String> unsubscribed = channels.stream().filter(this::needsMarkets)
                    .filter(channel -> !channelBySid.containsValue(channel) && !subscribing.contains(channel))
                    .toList();
            if (!unsubscribed.isEmpty()) {
                subscribe(unsubscribed, changed); // the channel could not be subscribed while no market was watched
            }
        } else {
            tickers.removeAll(changed);
            changed.forEach(books::remove);
            changed.forEach(lastHeard::remove);
        }
        for (Map.Entry<Integer, String> subscription : channelBySid.entrySet()) {
            if (subscription.getValue().equals("fill") || changed.isEmpty()) {
                continue;
            }
            send(FeedCommands.update(++nextCommandId, subscription.getKey(), action, changed));
        }
    }

    @Override
    public void close() {
        worker.execute(() -> {
            closed = true;
            if (socket != null) {
                socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
            }
        });
        worker.shutdown();
    }

    private void connect() {
        if (closed) {
            return;
        }
        WebSocket.Builder builder = http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10));
        signer.headers("GET", environment.webSocket().getPath()).forEach(builder::header);
        builder.buildAsync(environment.webSocket(), new Receiver()).whenComplete((opened, failure) ->
                worker.execute(() -> {
                    if (failure != null) {
                        LOG.log(Level.WARNING, "cannot open the market feed at " + environment.webSocket() + ": " + failure);
                        retryLater();
                    } else {
                        socket = opened;
                        failedAttempts = 0;
                        subscribe();
                    }
                }));
    }

    private void subscribe() {
        List<String> now = channels.stream().filter(channel -> !tickers.isEmpty() || !needsMarkets(channel)).toList();
        subscribe(now, tickers);
        if (resyncOnSubscribe) {
            resyncOnSubscribe = false;
            tickers.forEach(ticker -> restSnapshot(ticker, "reconnected"));
        }
    }

    /** Subscribes to channels for markets (see {@link FeedCommands#subscribe}). */
    private void subscribe(List<String> subscribed, Set<String> markets) {
        if (subscribed.isEmpty() || socket == null) {
            return;
        }
        subscribing.addAll(subscribed);
        send(FeedCommands.subscribe(++nextCommandId, subscribed, markets));
    }

    /** The order book channel needs at least one market; the others default to all of them. */
    private boolean needsMarkets(String channel) {
        return channel.equals(ORDERBOOK);
    }

    private void connectionLost() {
        socket = null;
        live = false;
        subscribing.clear();
        channelBySid.clear();
        lastSeq.clear();
        awaitingSnapshot.clear();
        if (!closed) {
            resyncOnSubscribe = true;
            retryLater();
        }
    }

    private void retryLater() {
        if (closed) {
            return;
        }
        long delay = Math.min(LONGEST_RETRY.toMillis(), FIRST_RETRY.toMillis() << Math.min(failedAttempts, 6));
        failedAttempts++;
        worker.schedule(this::connect, delay, TimeUnit.MILLISECONDS);
    }

    private void handle(String text) {
        JsonNode message;
        try {
            message = mapper.readTree(text);
        } catch (JsonProcessingException e) {
            LOG.warning("unreadable feed message: " + text);
            return;
        }
        int sid = message.path("sid").asInt(-1);
        JsonNode msg = message.path("msg");
        switch (message.path("type").asText("")) {
            case "subscribed" -> subscribed(msg.path("sid").asInt(), msg.path("channel").asText());
            case "ok" -> {
                if (message.has("sid") && message.has("seq")) {
                    inSequence(message.path("sid").asInt(), message.path("seq").asLong());
                }
            }
            case "unsubscribed" -> {
                channelBySid.remove(message.path("sid").asInt());
                lastSeq.remove(message.path("sid").asInt());
            }
            case "orderbook_snapshot" -> snapshot(sid, message.path("seq").asLong(), msg);
            case "orderbook_delta" -> delta(sid, message.path("seq").asLong(), msg);
            case "ticker" -> {
                FeedMessages.TickerUpdate ticker = FeedMessages.ticker(msg);
                heard(ticker.ticker());
                listener.onTicker(ticker);
            }
            case "fill" -> listener.onFill(FeedMessages.fill(msg));
            case "error" -> {
                int code = msg.path("code").asInt();
                if (TERMINAL_ERRORS.contains(code)) {
                    subscriptionsEnded(code, msg.path("msg").asText());
                } else {
                    LOG.warning("the feed refused a command: " + msg);
                    subscribing.clear(); // a refused subscription is tried again when markets are next added
                }
            }
            default -> { }
        }
    }

    private void heard(String ticker) {
        lastHeard.put(ticker, clock.instant());
        updateLive();
    }

    private void updateLive() {
        live = socket != null && subscribing.isEmpty() && !channelBySid.isEmpty();
    }

    /** Every watched market not heard of for {@code staleAfter}: rebuilt from REST, and a fresh snapshot asked. */
    private void resyncStale() {
        java.time.Instant now = clock.instant();
        updateLive();
        List<String> stale = tickers.stream().filter(ticker -> lastHeard.getOrDefault(ticker, java.time.Instant.EPOCH)
                .plus(staleAfter).isBefore(now)).toList();
        if (stale.isEmpty() || socket == null) {
            return;
        }
        stale.forEach(ticker -> restSnapshot(ticker, "stale: nothing heard for " + staleAfter.toSeconds() + " s"));
        channelBySid.entrySet().stream().filter(e -> e.getValue().equals(ORDERBOOK))
                .forEach(e -> send(FeedCommands.update(++nextCommandId, e.getKey(), "get_snapshot", stale)));
    }

    private void snapshot(int sid, long seq, JsonNode msg) {
        LocalBook book = FeedMessages.snapshot(msg);
        heard(book.ticker());
        lastSeq.put(sid, seq);
        awaitingSnapshot.remove(sid);
        books.put(book.ticker(), book);
        listener.onBook(book.copy());
    }

    /**
     * The exchange ended our subscriptions ("the user must resubscribe"): it does not say which, so
     * every one is made again, and every book rebuilt over REST in the meantime.
     */
    private void subscriptionsEnded(int code, String why) {
        if (!subscribing.isEmpty()) {
            return; // the subscriptions are being made again already
        }
        LOG.warning("the feed ended our subscriptions with error " + code + " (" + why + "); resubscribing");
        subscribing.clear();
        channelBySid.clear();
        lastSeq.clear();
        awaitingSnapshot.clear();
        subscribe(channels.stream().filter(channel -> !tickers.isEmpty() || !needsMarkets(channel)).toList(), tickers);
        List.copyOf(tickers).forEach(ticker -> restSnapshot(ticker, "subscription ended (error " + code + ")"));
    }

    /** A subscription made; a second one of a channel already subscribed would apply each delta twice. */
    private void subscribed(int sid, String channel) {
        subscribing.remove(channel);
        if (channelBySid.containsValue(channel)) {
            send(FeedCommands.unsubscribe(++nextCommandId, List.of(sid)));
            return;
        }
        channelBySid.put(sid, channel);
        updateLive();
    }

    /** True when {@code seq} follows the last of {@code sid}; else the sequence broke and is healed. */
    private boolean inSequence(int sid, long seq) {
        if (awaitingSnapshot.contains(sid) || !channelBySid.containsKey(sid)) {
            return false;
        }
        Long last = lastSeq.get(sid);
        if (last == null || seq != last + 1) {
            if (ORDERBOOK.equals(channelBySid.get(sid))) {
                gap(sid, last, seq);
            } else {
                lastSeq.put(sid, seq);
            }
            return false;
        }
        lastSeq.put(sid, seq);
        return true;
    }

    private void delta(int sid, long seq, JsonNode msg) {
        if (!inSequence(sid, seq)) {
            return;
        }
        FeedMessages.BookDelta delta = FeedMessages.delta(msg);
        heard(delta.ticker());
        if (!tickers.contains(delta.ticker())) {
            return; // sent before the exchange took a removal in; it still counted in the sequence
        }
        LocalBook book = books.computeIfAbsent(delta.ticker(), LocalBook::new);
        book.apply(delta.side(), delta.price(), delta.deltaHundredths());
        listener.onBook(book.copy());
    }

    private void gap(int sid, Long last, long seq) {
        LOG.warning("sequence gap on sid " + sid + ": after " + last + " came " + seq + "; resynchronizing");
        awaitingSnapshot.add(sid);
        List.copyOf(tickers).forEach(ticker -> restSnapshot(ticker, "sequence gap"));
        send(FeedCommands.update(++nextCommandId, sid, "get_snapshot", tickers));
    }

    private void restSnapshot(String ticker, String reason) {
        try {
            LocalBook book = LocalBook.of(ticker, rest.orderBook(ticker, 0));
            books.put(ticker, book);
            lastHeard.put(ticker, clock.instant());
            listener.onResync(ticker, reason);
            listener.onBook(book.copy());
        } catch (ExchangeException e) {
            LOG.warning("REST snapshot of " + ticker + " failed after " + reason + ": " + e.getMessage());
            books.remove(ticker);
            listener.onResync(ticker, reason + " (no snapshot yet: " + e.getMessage() + ")");
        }
    }

    private void send(Map<String, Object> command) {
        if (socket == null) {
            return;
        }
        try {
            socket.sendText(mapper.writeValueAsString(command), true);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Receives frames on the HTTP client's threads and hands whole messages to the worker. */
    private final class Receiver implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                worker.execute(() -> handle(text));
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            worker.execute(MarketFeed.this::connectionLost);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            worker.execute(MarketFeed.this::connectionLost);
        }
    }
}
