package dev.tradeloop.exchange.rest;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tradeloop.events.json.Json;
import dev.tradeloop.events.money.Contracts;
import dev.tradeloop.events.money.Price;
import dev.tradeloop.exchange.ExchangeEnvironment;
import dev.tradeloop.exchange.auth.ApiCredentials;
import dev.tradeloop.exchange.auth.RequestSigner;
import dev.tradeloop.exchange.model.AccountLimits;
import dev.tradeloop.exchange.model.AmendAck;
import dev.tradeloop.exchange.model.Balance;
import dev.tradeloop.exchange.model.CancelAck;
import dev.tradeloop.exchange.model.ExchangeEvent;
import dev.tradeloop.exchange.model.Fill;
import dev.tradeloop.exchange.model.Market;
import dev.tradeloop.exchange.model.MarketPosition;
import dev.tradeloop.exchange.model.NewOrder;
import dev.tradeloop.exchange.model.Order;
import dev.tradeloop.exchange.model.OrderAck;
import dev.tradeloop.exchange.model.OrderBookSnapshot;
import dev.tradeloop.exchange.model.Page;
import dev.tradeloop.exchange.model.Series;
import dev.tradeloop.exchange.model.Settlement;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Kalshi Trade API v2 over signed REST. Reads are retried on 429, 5xx, timeouts and lost
 * connections; calls that change state are retried only when the request surely did not arrive
 * (a refused connection, or 429), and otherwise fail with {@link ExchangeException.UnknownOutcome}
 * so the caller looks the order up by client order id before any new attempt.
 */
public final class KalshiClient {

    private static final int MAX_RETRIES = 3;
    private static final Duration BASE_BACKOFF = Duration.ofMillis(200);
    private static final Duration RATE_LIMITED_BACKOFF = Duration.ofMillis(250);

    private final ExchangeEnvironment environment;
    private final Optional<RequestSigner> signer;
    private final HttpClient http;
    private final Duration timeout;
    private final TokenBucket reads;
    private final TokenBucket writes;
    private final TokenBucket.Ticker ticker;
    private final ObjectMapper mapper = Json.mapper();

    public KalshiClient(ExchangeEnvironment environment, Optional<ApiCredentials> credentials, RateLimits tier,
            Duration timeout, Clock clock) {
        this(environment, credentials, RateBudget.of(tier), timeout, clock, TokenBucket.SYSTEM);
    }

    /** A client that spends at most {@code budget} of the account's rate limits. */
    public KalshiClient(ExchangeEnvironment environment, Optional<ApiCredentials> credentials, RateBudget budget,
            Duration timeout, Clock clock) {
        this(environment, credentials, budget, timeout, clock, TokenBucket.SYSTEM);
    }

    KalshiClient(ExchangeEnvironment environment, Optional<ApiCredentials> credentials, RateBudget tier,
            Duration timeout, Clock clock, TokenBucket.Ticker ticker) {
        this.environment = environment;
        this.signer = credentials.map(c -> new RequestSigner(c, clock));
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
        this.timeout = timeout;
        this.ticker = ticker;
        this.reads = tier.readBucket(ticker);
        this.writes = tier.writeBucket(ticker);
    }

    public ExchangeEnvironment environment() {
        return environment;
    }

    // --- Market data (public) ---

    public Page<Market> markets(Map<String, String> filters, Optional<String> cursor, int limit) {
        Map<String, String> query = pageQuery(filters, cursor, limit);
        JsonNode page = read("/markets" + queryString(query));
        return new Page<>(convert(page.get("markets"), new TypeReference<List<Market>>() { }), cursorOf(page));
    }

    /** Every market matching {@code filters}, following the cursor to the last page. */
    public List<Market> allMarkets(Map<String, String> filters) {
        List<Market> all = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        do {
            Page<Market> page = markets(filters, cursor, 1000);
            all.addAll(page.items());
            cursor = page.isLast() ? Optional.empty() : Optional.of(page.cursor());
        } while (cursor.isPresent());
        return all;
    }

    public Market market(String ticker) {
        return convert(read("/markets/" + encode(ticker)).get("market"), new TypeReference<Market>() { });
    }

    public OrderBookSnapshot orderBook(String ticker, int depth) {
        String query = depth > 0 ? "?depth=" + depth : "";
        return convert(read("/markets/" + encode(ticker) + "/orderbook" + query), new TypeReference<OrderBookSnapshot>() { });
    }

    public Page<ExchangeEvent> events(Optional<String> cursor, int limit) {
        Map<String, String> query = pageQuery(Map.of("with_nested_markets", "true"), cursor, limit);
        JsonNode page = read("/events" + queryString(query));
        return new Page<>(convert(page.get("events"), new TypeReference<List<ExchangeEvent>>() { }), cursorOf(page));
    }

    /** One event with its markets. */
    public ExchangeEvent event(String eventTicker) {
        JsonNode answer = read("/events/" + encode(eventTicker));
        ExchangeEvent event = convert(answer.get("event"), new TypeReference<ExchangeEvent>() { });
        List<Market> markets = answer.has("markets")
                ? convert(answer.get("markets"), new TypeReference<List<Market>>() { }) : event.markets();
        return new ExchangeEvent(event.eventTicker(), event.seriesTicker(), event.title(), event.mutuallyExclusive(),
                markets);
    }

    /** A series and what it charges; its {@code fee_multiplier} read exactly and bounded, or the answer is unreadable. */
    public Series series(String seriesTicker) {
        JsonNode series = read("/series/" + encode(seriesTicker)).path("series");
        JsonNode multiplier = series.path("fee_multiplier");
        if (!multiplier.isNumber() || !series.path("fee_type").isTextual()) {
            throw new ExchangeException.Rejected(200, Optional.of("unreadable_answer"), "series " + seriesTicker
                    + ": fee_type and a numeric fee_multiplier are required, got " + series);
        }
        try {
            return new Series(seriesTicker, series.path("fee_type").asText(), multiplier.decimalValue());
        } catch (IllegalArgumentException e) {
            throw new ExchangeException.Rejected(200, Optional.of("unreadable_answer"), e.getMessage());
        }
    }

    // --- Orders (signed) ---

    public OrderAck createOrder(NewOrder order) {
        return answerTo(write("POST", "/portfolio/events/orders", Optional.of(order), RateLimits.DEFAULT_COST),
                new TypeReference<OrderAck>() { });
    }

    /**
     * Cancels an order; {@code marketTicker} routes the cancel to the market's exchange shard (without
     * it Kalshi sends it to shard 0, which does not know another shard's orders).
     */
    public CancelAck cancelOrder(String orderId, String marketTicker) {
        return answerTo(write("DELETE", "/portfolio/events/orders/" + encode(orderId)
                + queryString(Map.of("market_ticker", marketTicker)), Optional.empty(), RateLimits.CANCEL_COST),
                new TypeReference<CancelAck>() { });
    }

    /**
     * Cancels an order without routing it ({@code market_ticker} left out), so Kalshi sends it to
     * shard 0: only {@code ./tradeloop exchange probe} sends this, to learn what shard 0 answers for
     * another shard's order. Trading always routes ({@link #cancelOrder}).
     */
    public CancelAck cancelOrderUnrouted(String orderId) {
        return answerTo(write("DELETE", "/portfolio/events/orders/" + encode(orderId), Optional.empty(),
                RateLimits.CANCEL_COST), new TypeReference<CancelAck>() { });
    }

    /** Sets a resting order's YES price and total count (filled included). */
    public AmendAck amendOrder(String orderId, String ticker, String side, Price yesPrice, Contracts totalCount) {
        Map<String, Object> body = Map.of("ticker", ticker, "side", side, "price", yesPrice, "count", totalCount);
        return answerTo(write("POST", "/portfolio/events/orders/" + encode(orderId) + "/amend", Optional.of(body),
                RateLimits.DEFAULT_COST), new TypeReference<AmendAck>() { });
    }

    /** Lowers what rests of an order to {@code remaining}, routed to the shard of {@code marketTicker}. */
    public AmendAck decreaseOrder(String orderId, String marketTicker, Contracts remaining) {
        return answerTo(write("POST", "/portfolio/events/orders/" + encode(orderId) + "/decrease",
                Optional.of(Map.of("reduce_to", remaining, "market_ticker", marketTicker)), RateLimits.DEFAULT_COST),
                new TypeReference<AmendAck>() { });
    }

    /**
     * One order of {@code marketTicker}. {@code GET /portfolio/orders/{id}} takes no routing, and
     * whether it finds another shard's order is not documented: when it answers 404, the order is
     * looked for in the market's order listing (which covers every shard) before it is called gone.
     */
    public Order order(String orderId, String marketTicker) {
        try {
            return orderById(orderId);
        } catch (ExchangeException.NotFound notOnTheDefaultShard) {
            Optional<String> cursor = Optional.empty();
            do {
                Page<Order> page = orders(Map.of("ticker", marketTicker), cursor, 1000);
                Optional<Order> found = page.items().stream().filter(o -> orderId.equals(o.orderId())).findFirst();
                if (found.isPresent()) {
                    return found.get();
                }
                cursor = page.isLast() ? Optional.empty() : Optional.of(page.cursor());
            } while (cursor.isPresent());
            throw notOnTheDefaultShard;
        }
    }

    /** {@code GET /portfolio/orders/{id}} as the exchange answers it, with no look in the market's listing. */
    public Order orderById(String orderId) {
        return convert(read("/portfolio/orders/" + encode(orderId)).get("order"), new TypeReference<Order>() { });
    }

    public Page<Order> orders(Map<String, String> filters, Optional<String> cursor, int limit) {
        Map<String, String> query = pageQuery(filters, cursor, limit);
        JsonNode page = read("/portfolio/orders" + queryString(query));
        return new Page<>(convert(page.get("orders"), new TypeReference<List<Order>>() { }), cursorOf(page));
    }

    /**
     * The order placed with {@code clientOrderId} on {@code ticker}, if the exchange has one: what
     * a caller asks after an unknown outcome, before trying again.
     */
    public Optional<Order> findByClientOrderId(String ticker, String clientOrderId) {
        Optional<String> cursor = Optional.empty();
        do {
            Page<Order> page = orders(Map.of("ticker", ticker), cursor, 1000);
            Optional<Order> found = page.items().stream()
                    .filter(order -> clientOrderId.equals(order.clientOrderId())).findFirst();
            if (found.isPresent()) {
                return found;
            }
            cursor = page.isLast() ? Optional.empty() : Optional.of(page.cursor());
        } while (cursor.isPresent());
        return Optional.empty();
    }

    public Page<Fill> fills(Map<String, String> filters, Optional<String> cursor, int limit) {
        Map<String, String> query = pageQuery(filters, cursor, limit);
        JsonNode page = read("/portfolio/fills" + queryString(query));
        return new Page<>(convert(page.get("fills"), new TypeReference<List<Fill>>() { }), cursorOf(page));
    }

    public Page<MarketPosition> positions(Optional<String> cursor, int limit) {
        Map<String, String> query = pageQuery(Map.of(), cursor, limit);
        JsonNode page = read("/portfolio/positions" + queryString(query));
        return new Page<>(convert(page.get("market_positions"), new TypeReference<List<MarketPosition>>() { }),
                cursorOf(page));
    }

    /** The account's net position on one market, if it holds any. */
    public Optional<MarketPosition> position(String ticker) {
        JsonNode page = read("/portfolio/positions" + queryString(pageQuery(Map.of("ticker", ticker), Optional.empty(), 1)));
        return convert(page.get("market_positions"), new TypeReference<List<MarketPosition>>() { }).stream()
                .filter(position -> ticker.equals(position.ticker())).findFirst();
    }

    /** The account's usage tier and the read and write budgets it grants (shared by every client of the account). */
    public AccountLimits accountLimits() {
        return convert(read("/account/limits"), new TypeReference<AccountLimits>() { });
    }

    /** What finalized markets paid the account, newest first (filters: {@code ticker}, {@code event_ticker}). */
    public Page<Settlement> settlements(Map<String, String> filters, Optional<String> cursor, int limit) {
        JsonNode page = read("/portfolio/settlements" + queryString(pageQuery(filters, cursor, limit)));
        return new Page<>(convert(page.get("settlements"), new TypeReference<List<Settlement>>() { }), cursorOf(page));
    }

    /** The account's balance over every shard, with its breakdown per shard. */
    public Balance balance() {
        return convert(read("/portfolio/balance"), new TypeReference<Balance>() { });
    }

    // --- The call itself ---

    private JsonNode read(String endpoint) {
        return send("GET", endpoint, Optional.empty(), RateLimits.DEFAULT_COST, true);
    }

    private JsonNode write(String method, String endpoint, Optional<Object> body, long cost) {
        return send(method, endpoint, body, cost, false);
    }

    private JsonNode send(String method, String endpoint, Optional<Object> body, long cost, boolean idempotent) {
        String what = method + " " + endpoint;
        for (int attempt = 0; ; attempt++) {
            ExchangeException.Transient failure;
            try {
                acquire(idempotent ? reads : writes, cost);
                HttpResponse<String> response = http.send(request(method, endpoint, body), HttpResponse.BodyHandlers.ofString());
                int status = response.statusCode();
                if (status >= 200 && status < 300) {
                    return response.body().isEmpty() ? mapper.createObjectNode() : mapper.readTree(response.body());
                }
                ExchangeException error = ErrorAnswers.classify(status, response.body(), what, mapper);
                if (!(error instanceof ExchangeException.Transient transientError)) {
                    throw error;
                }
                if (status >= 500 && !idempotent) {
                    throw new ExchangeException.UnknownOutcome(status, what + " answered " + status
                            + "; the exchange may have carried it out", error);
                }
                failure = transientError;
            } catch (ConnectException notSent) {
                failure = new ExchangeException.Transient(0, Optional.empty(), what + ": cannot connect to "
                        + environment.restBase().getAuthority(), notSent);
            } catch (HttpTimeoutException timedOut) {
                if (!idempotent) {
                    throw new ExchangeException.UnknownOutcome(0, what + " timed out after " + timeout
                            + "; the exchange may have carried it out", timedOut);
                }
                failure = new ExchangeException.Transient(0, Optional.empty(), what + " timed out", timedOut);
            } catch (IOException lost) {
                if (!idempotent) {
                    throw new ExchangeException.UnknownOutcome(0, what + ": connection lost ("
                            + lost.getClass().getSimpleName() + "); the exchange may have carried it out", lost);
                }
                failure = new ExchangeException.Transient(0, Optional.empty(), what + ": " + lost, lost);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ExchangeException.UnknownOutcome(0, what + " was interrupted", e);
            }
            if (attempt >= MAX_RETRIES) {
                throw failure;
            }
            backOff(backoff(attempt, failure.status() == 429, java.util.concurrent.ThreadLocalRandom.current()));
        }
    }

    private HttpRequest request(String method, String endpoint, Optional<Object> body) throws IOException {
        URI uri = URI.create(environment.restBase() + endpoint);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout).header("Accept", "application/json");
        signer.ifPresent(s -> s.headers(method, environment.signedPath(endpoint)).forEach(request::header));
        if (body.isPresent()) {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(mapper.writeValueAsString(body.get())));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return request.build();
    }

    private void acquire(TokenBucket bucket, long cost) throws InterruptedException {
        bucket.acquire(cost);
    }

    /**
     * How long to wait before try {@code attempt + 1}: exponential ({@code base × 2^attempt}), plus a
     * random part of as much again, so clients of one account that were refused together do not come
     * back together (Kalshi's 429 carries no Retry-After).
     */
    static Duration backoff(int attempt, boolean rateLimited, java.util.random.RandomGenerator random) {
        long exponential = (rateLimited ? RATE_LIMITED_BACKOFF : BASE_BACKOFF).toMillis() << attempt;
        return Duration.ofMillis(exponential + random.nextLong(exponential + 1));
    }

    private void backOff(Duration wait) {
        try {
            ticker.park(wait.toNanos());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ExchangeException.Transient(0, Optional.empty(), "interrupted while backing off", e);
        }
    }

    /**
     * The answer to a write: a 2xx whose body cannot be read says the exchange took the request, not
     * what it did; an unknown outcome, for the caller to look up, never a refusal.
     */
    private <T> T answerTo(JsonNode node, TypeReference<T> type) {
        try {
            return mapper.convertValue(node, type);
        } catch (IllegalArgumentException e) {
            throw new ExchangeException.UnknownOutcome(200, "the exchange accepted the request but its answer could "
                    + "not be read (" + e.getMessage() + "); the exchange may have carried it out", e);
        }
    }

    private <T> T convert(JsonNode node, TypeReference<T> type) {
        try {
            return mapper.convertValue(node, type);
        } catch (IllegalArgumentException e) {
            throw new ExchangeException.Rejected(200, Optional.of("unreadable_answer"),
                    "the exchange's answer could not be read: " + e.getMessage());
        }
    }

    /** A listing's query: its filters, the page size and, when not the first page, the cursor. */
    private static Map<String, String> pageQuery(Map<String, String> filters, Optional<String> cursor, int limit) {
        Map<String, String> query = new LinkedHashMap<>(filters);
        query.put("limit", Integer.toString(limit));
        cursor.filter(c -> !c.isEmpty()).ifPresent(c -> query.put("cursor", c));
        return query;
    }

    private static String cursorOf(JsonNode page) {
        JsonNode cursor = page.get("cursor");
        return cursor == null || cursor.isNull() ? "" : cursor.asText();
    }

    private static String queryString(Map<String, String> query) {
        if (query.isEmpty()) {
            return "";
        }
        return "?" + query.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
