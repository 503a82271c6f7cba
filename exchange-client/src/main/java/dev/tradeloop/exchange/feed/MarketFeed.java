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
 *
 * <p>A market channel's markets are spread over subscriptions of at most {@code marketsPerSubscription}
 * each: a new market joins a subscription with room ({@code add_markets}) or opens a new one. The
 * exchange refuses a subscription over its own limit with error 26; the markets of the refused
 * command are then placed again in subscriptions half its size, and that size is kept.
 */
public final class MarketFeed implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(MarketFeed.class.getName());
    private static final Duration FIRST_RETRY = Duration.ofMillis(500);
    private static final Duration LONGEST_RETRY = Duration.ofSeconds(30);
    private static final Duration DEFAULT_STALE_AFTER = Duration.ofSeconds(60);
    private static final String ORDERBOOK = "orderbook_delta";
    /** Kalshi's terminal channel errors: the subscription has ended and must be made again. */
    private static final Set<Integer> TERMINAL_ERRORS = Set.of(10, 17, 25);
    private static final int MARKET_LIMIT_EXCEEDED = 26;
    /** Channels about the account, subscribed once without markets; every other channel is per market. */
    private static final Set<String> ACCOUNT_CHANNELS = Set.of("fill", "user_orders", "market_positions");
    /** Kalshi's documented per-subscription market limit is not a number; this is what it accepted when checked. */
    public static final int DEFAULT_MARKETS_PER_SUBSCRIPTION = 100;

    private final ExchangeEnvironment environment;
    private final RequestSigner signer;
    private final KalshiClient rest;
    private final FeedListener listener;
    private final Clock clock;
    private final Duration staleAfter;
    private int marketsPerSubscription;
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
    private java.util.concurrent.CompletableFuture<WebSocket> sending = java.util.concurrent.CompletableFuture.completedFuture(null);
    private int nextCommandId;
    private int failedAttempts;
    private boolean closed;
    private boolean resyncOnSubscribe;
    private final Map<Integer, Subscription> subscriptions = new HashMap<>();
    private final Map<Integer, Placement> unanswered = new HashMap<>();
    private final Map<Integer, Long> lastSeq = new HashMap<>();
    private final Set<Integer> awaitingSnapshot = new HashSet<>();
    private final Map<String, LocalBook> books = new LinkedHashMap<>();

    public MarketFeed(ExchangeEnvironment environment, ApiCredentials credentials, KalshiClient rest, Clock clock,
            Set<String> channels, Set<String> tickers, FeedListener listener) {
        this(environment, credentials, rest, clock, channels, tickers, listener, DEFAULT_STALE_AFTER,
                DEFAULT_MARKETS_PER_SUBSCRIPTION);
    }

    /**
     * A feed that also resynchronises, from a REST snapshot and a fresh WebSocket snapshot, any
     * watched market it has heard nothing of (no book, no ticker message) for {@code staleAfter}:
     * a quiet market costs one REST read per period, a silently broken subscription is healed; and
     * puts at most {@code marketsPerSubscription} markets in one subscription.
     */
    public MarketFeed(ExchangeEnvironment environment, ApiCredentials credentials, KalshiClient rest, Clock clock,
            Set<String> channels, Set<String> tickers, FeedListener listener, Duration staleAfter,
            int marketsPerSubscription) {
        if (marketsPerSubscription < 1) {
            throw new IllegalArgumentException("markets per subscription must be at least 1, not " + marketsPerSubscription);
        }
        this.marketsPerSubscription = marketsPerSubscription;
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
        worker.execute(() -> {
            tickers.addAll(added);
            added.forEach(ticker -> lastHeard.put(ticker, clock.instant()));
            placeUncovered();
        });
    }

    /** Stops watching {@code removed}; their books are forgotten. */
    public void removeMarkets(Set<String> removed) {
        worker.execute(() -> {
            tickers.removeAll(removed);
            removed.forEach(books::remove);
            removed.forEach(lastHeard::remove);
            for (Subscription subscription : subscriptions.values()) {
                Set<String> leaving = subscription.intersection(removed);
                if (!leaving.isEmpty()) {
                    subscription.markets.removeAll(leaving);
                    send(FeedCommands.update(++nextCommandId, subscription.sid, "delete_markets", leaving));
                }
            }
        });
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
        placeUncovered();
        if (resyncOnSubscribe) {
            resyncOnSubscribe = false;
            tickers.forEach(ticker -> restSnapshot(ticker, "reconnected"));
            listener.onReconnected();
        }
    }

    /**
     * Every channel gets what it lacks: an account channel not subscribed is subscribed; a market
     * channel's watched markets that no subscription (made or asked for) covers join one with room
     * or open new ones, {@code marketsPerSubscription} at most in each.
     */
    private void placeUncovered() {
        if (socket == null) {
            return;
        }
        for (String channel : channels) {
            if (ACCOUNT_CHANNELS.contains(channel)) {
                if (!subscribedOrAsked(channel)) {
                    ask(new Placement(channel, null, Set.of()));
                }
                continue;
            }
            Set<String> uncovered = new java.util.LinkedHashSet<>(tickers);
            subscriptions.values().stream().filter(s -> s.channel.equals(channel)).forEach(s -> uncovered.removeAll(s.markets));
            unanswered.values().stream().filter(p -> p.channel.equals(channel)).forEach(p -> uncovered.removeAll(p.markets));
            place(channel, uncovered);
        }
    }

    private void place(String channel, Set<String> markets) {
        List<String> waiting = new java.util.ArrayList<>(markets);
        for (Subscription subscription : subscriptions.values()) {
            int room = marketsPerSubscription - subscription.markets.size();
            if (!subscription.channel.equals(channel) || room <= 0 || waiting.isEmpty()) {
                continue;
            }
            List<String> joining = waiting.subList(0, Math.min(room, waiting.size()));
            ask(new Placement(channel, subscription.sid, Set.copyOf(joining)));
            subscription.markets.addAll(joining);
            joining.clear();
        }
        for (int from = 0; from < waiting.size(); from += marketsPerSubscription) {
            List<String> chunk = waiting.subList(from, Math.min(waiting.size(), from + marketsPerSubscription));
            ask(new Placement(channel, null, new java.util.LinkedHashSet<>(chunk)));
        }
    }

    /** Sends a placement: a new subscription, or markets added to subscription {@code sid}. */
    private void ask(Placement placement) {
        int id = ++nextCommandId;
        unanswered.put(id, placement);
        send(placement.sid == null
                ? FeedCommands.subscribe(id, List.of(placement.channel), placement.markets)
                : FeedCommands.update(id, placement.sid, "add_markets", placement.markets));
    }

    private boolean subscribedOrAsked(String channel) {
        return subscriptions.values().stream().anyMatch(s -> s.channel.equals(channel))
                || unanswered.values().stream().anyMatch(p -> p.channel.equals(channel));
    }

    private void connectionLost() {
        socket = null;
        live = false;
        forgetSubscriptions();
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
        try {
            handleReadable(text);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "a feed message could not be handled: " + text, e);
        }
    }

    private void handleReadable(String text) {
        JsonNode message;
        try {
            message = mapper.readTree(text);
        } catch (JsonProcessingException e) {
            LOG.warning("unreadable feed message: " + text);
            return;
        }
        int sid = message.path("sid").asInt(-1);
        int id = message.path("id").asInt(0);
        JsonNode msg = message.path("msg");
        switch (message.path("type").asText("")) {
            case "subscribed" -> subscribed(id, msg.path("sid").asInt(), msg.path("channel").asText());
            case "ok" -> {
                unanswered.remove(id);
                if (message.has("sid") && message.has("seq")) {
                    inSequence(message.path("sid").asInt(), message.path("seq").asLong());
                }
                updateLive();
            }
            case "unsubscribed" -> {
                subscriptions.remove(message.path("sid").asInt());
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
            case "user_order" -> listener.onOrder(FeedMessages.userOrder(msg));
            case "error" -> {
                int code = msg.path("code").asInt();
                if (TERMINAL_ERRORS.contains(code)) {
                    subscriptionsEnded(code, msg.path("msg").asText());
                } else {
                    refused(id, code, msg);
                }
            }
            default -> { }
        }
    }

    /**
     * The exchange refused a command. Markets refused for the subscription limit are placed again in
     * subscriptions half the size; markets refused for another reason stay uncovered until the next
     * placement (a market added, or the stale check).
     */
    private void refused(int id, int code, JsonNode msg) {
        Placement placement = unanswered.remove(id);
        if (placement == null) {
            LOG.warning("the feed refused a command: " + msg);
            return;
        }
        if (placement.sid != null && subscriptions.containsKey(placement.sid)) {
            subscriptions.get(placement.sid).markets.removeAll(placement.markets);
        }
        if (code == MARKET_LIMIT_EXCEEDED && (placement.sid != null || placement.markets.size() > 1)) {
            int accepted = placement.sid == null ? placement.markets.size() / 2
                    : Math.max(1, subscriptions.get(placement.sid).markets.size());
            marketsPerSubscription = Math.max(1, Math.min(marketsPerSubscription, accepted));
            LOG.warning("the exchange limits markets per subscription (" + msg.path("msg").asText() + "); now "
                    + marketsPerSubscription + " per subscription");
            place(placement.channel, placement.markets);
        } else {
            LOG.warning("the feed refused " + placement.channel + " for " + placement.markets.size() + " markets: " + msg);
        }
        updateLive();
    }

    private void heard(String ticker) {
        lastHeard.put(ticker, clock.instant());
        updateLive();
    }

    /** Live: connected, nothing asked and unanswered, and every channel covering every watched market. */
    private void updateLive() {
        live = socket != null && unanswered.isEmpty() && channels.stream().allMatch(this::covered);
    }

    private boolean covered(String channel) {
        if (ACCOUNT_CHANNELS.contains(channel)) {
            return subscriptions.values().stream().anyMatch(s -> s.channel.equals(channel));
        }
        Set<String> covered = new HashSet<>();
        subscriptions.values().stream().filter(s -> s.channel.equals(channel)).forEach(s -> covered.addAll(s.markets));
        return covered.containsAll(tickers);
    }

    /** Every watched market not heard of for {@code staleAfter}: rebuilt from REST, and a fresh snapshot asked. */
    private void resyncStale() {
        java.time.Instant now = clock.instant();
        placeUncovered();
        updateLive();
        List<String> stale = tickers.stream().filter(ticker -> lastHeard.getOrDefault(ticker, java.time.Instant.EPOCH)
                .plus(staleAfter).isBefore(now)).toList();
        if (stale.isEmpty() || socket == null) {
            return;
        }
        stale.forEach(ticker -> restSnapshot(ticker, "stale: nothing heard for " + staleAfter.toSeconds() + " s"));
        askSnapshots(stale);
    }

    /** Asks each order-book subscription holding any of {@code markets} for fresh snapshots of them. */
    private void askSnapshots(java.util.Collection<String> markets) {
        for (Subscription subscription : subscriptions.values()) {
            Set<String> held = subscription.intersection(markets);
            if (subscription.channel.equals(ORDERBOOK) && !held.isEmpty()) {
                send(FeedCommands.update(++nextCommandId, subscription.sid, "get_snapshot", held));
            }
        }
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
        if (subscriptions.isEmpty() && !unanswered.isEmpty()) {
            return; // the subscriptions are being made again already
        }
        LOG.warning("the feed ended our subscriptions with error " + code + " (" + why + "); resubscribing");
        forgetSubscriptions();
        placeUncovered();
        List.copyOf(tickers).forEach(ticker -> restSnapshot(ticker, "subscription ended (error " + code + ")"));
    }

    private void forgetSubscriptions() {
        subscriptions.clear();
        unanswered.clear();
        lastSeq.clear();
        awaitingSnapshot.clear();
        updateLive();
    }

    /**
     * A subscription made for the placement asked by command {@code id}. One that covers only
     * markets another subscription of its channel already covers would apply each delta twice: it
     * is ended.
     */
    private void subscribed(int id, int sid, String channel) {
        Placement placement = unanswered.remove(id);
        Set<String> markets = placement == null ? Set.of() : placement.markets;
        boolean duplicate = placement == null || subscriptions.values().stream().anyMatch(s -> s.channel.equals(channel)
                && (ACCOUNT_CHANNELS.contains(channel) || s.markets.containsAll(markets)));
        if (duplicate) {
            send(FeedCommands.unsubscribe(++nextCommandId, List.of(sid)));
            return;
        }
        subscriptions.put(sid, new Subscription(sid, channel, markets));
        updateLive();
    }

    /** True when {@code seq} follows the last of {@code sid}; else the sequence broke and is healed. */
    private boolean inSequence(int sid, long seq) {
        if (awaitingSnapshot.contains(sid) || !subscriptions.containsKey(sid)) {
            return false;
        }
        Long last = lastSeq.get(sid);
        if (last == null || seq != last + 1) {
            if (ORDERBOOK.equals(subscriptions.get(sid).channel)) {
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
        Set<String> markets = subscriptions.get(sid).intersection(tickers);
        markets.forEach(ticker -> restSnapshot(ticker, "sequence gap"));
        send(FeedCommands.update(++nextCommandId, sid, "get_snapshot", markets));
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

    /**
     * Sends a command after the one before it has gone: the JDK's WebSocket takes one send at a
     * time, and refuses a second while the first is outstanding.
     */
    private void send(Map<String, Object> command) {
        if (socket == null) {
            return;
        }
        String text;
        try {
            text = mapper.writeValueAsString(command);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        WebSocket target = socket;
        sending = sending.handle((sent, failure) -> target).thenCompose(ws -> ws.sendText(text, true))
                .whenComplete((sent, failure) -> {
                    if (failure != null) {
                        LOG.warning("a feed command could not be sent (" + failure + "): " + text);
                    }
                });
    }

    /** A subscription the exchange made: its channel and the markets it covers (none for an account channel). */
    private static final class Subscription {
        final int sid;
        final String channel;
        final Set<String> markets;

        Subscription(int sid, String channel, Set<String> markets) {
            this.sid = sid;
            this.channel = channel;
            this.markets = new java.util.LinkedHashSet<>(markets);
        }

        Set<String> intersection(java.util.Collection<String> others) {
            Set<String> both = new java.util.LinkedHashSet<>(markets);
            both.retainAll(others);
            return both;
        }
    }

    /** A command asked and not yet answered: a new subscription ({@code sid} null) or markets added to {@code sid}. */
    private record Placement(String channel, Integer sid, Set<String> markets) {
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
