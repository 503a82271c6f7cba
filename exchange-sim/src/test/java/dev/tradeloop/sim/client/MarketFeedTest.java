package dev.tradeloop.sim.client;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradeloop.events.Action;
import dev.tradeloop.events.Side;
import dev.tradeloop.events.money.Contracts;
import dev.tradeloop.events.money.Price;
import dev.tradeloop.exchange.ExchangeEnvironment;
import dev.tradeloop.exchange.auth.ApiCredentials;
import dev.tradeloop.exchange.auth.PemPrivateKeys;
import dev.tradeloop.exchange.feed.FeedListener;
import dev.tradeloop.exchange.feed.FeedMessages;
import dev.tradeloop.exchange.feed.LocalBook;
import dev.tradeloop.exchange.feed.MarketFeed;
import dev.tradeloop.exchange.model.NewOrder;
import dev.tradeloop.exchange.model.OrderBookSnapshot;
import dev.tradeloop.exchange.rest.KalshiClient;
import dev.tradeloop.exchange.rest.RateLimits;
import dev.tradeloop.sim.SimMarkets;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The WebSocket feed of the simulator, read by the client's MarketFeed over a real connection. */
@QuarkusTest
class MarketFeedTest {

    private static final Duration DEADLINE = Duration.ofSeconds(15);

    @TestHTTPResource("/trade-api/v2")
    URI base;

    private MarketFeed feed;
    private final Recorder recorder = new Recorder();

    /** Keeps what the feed said, for the test to await. */
    static final class Recorder implements FeedListener {
        final Map<String, LocalBook> books = new ConcurrentHashMap<>();
        final List<FeedMessages.FillUpdate> fills = new CopyOnWriteArrayList<>();
        final List<String> resyncs = new CopyOnWriteArrayList<>();

        @Override
        public void onBook(LocalBook book) {
            books.put(book.ticker(), book);
        }

        @Override
        public void onFill(FeedMessages.FillUpdate fill) {
            fills.add(fill);
        }

        @Override
        public void onResync(String ticker, String reason) {
            resyncs.add(ticker + ": " + reason);
        }
    }

    private ApiCredentials credentials(String keyId, String file) {
        return new ApiCredentials(keyId, PemPrivateKeys.read(Path.of("src/test/resources/private", file)));
    }

    private KalshiClient client(ApiCredentials credentials) {
        return new KalshiClient(ExchangeEnvironment.at(base), Optional.of(credentials), RateLimits.BASIC,
                Duration.ofSeconds(5), Clock.systemUTC());
    }

    private final ApiCredentials makerKey = credentials("11111111-1111-4111-8111-111111111111", "maker.key.pem");
    private final ApiCredentials traderKey = credentials("22222222-2222-4222-8222-222222222222", "trader.key.pem");

    private MarketFeed startFeed(String ticker) {
        feed = new MarketFeed(ExchangeEnvironment.at(base), traderKey, client(traderKey), Clock.systemUTC(),
                Set.of("orderbook_delta", "ticker", "fill"), Set.of(ticker), recorder);
        feed.start();
        await(() -> recorder.books.containsKey(ticker), "the first snapshot of " + ticker);
        return feed;
    }

    @AfterEach
    void stop() {
        if (feed != null) {
            feed.close();
        }
        given().when().delete("/sim/admin/faults").then().statusCode(204);
    }


    private static NewOrder order(String ticker, Side side, Action action, String price, long count) {
        return NewOrder.of(ticker, side, action, Contracts.whole(count), Price.parse(price), NewOrder.GOOD_TILL_CANCELED,
                "ws-" + UUID.randomUUID().toString().substring(0, 12));
    }

    /** Waits, up to the deadline, for {@code condition}; fails naming {@code what} it waited for. */
    private static void await(BooleanSupplier condition, String what) {
        Awaitility.await(what).atMost(DEADLINE).pollInterval(Duration.ofMillis(20)).until(condition::getAsBoolean);
    }

    private boolean mirrorsExchange(String ticker) {
        LocalBook mine = recorder.books.get(ticker);
        OrderBookSnapshot theirs = client(traderKey).orderBook(ticker, 0);
        return mine != null && mine.levels("yes").equals(theirs.yesBids()) && mine.levels("no").equals(theirs.noBids());
    }

    /** The first order-book snapshot a raw, signed connection gets for {@code subscribe}'s params. */
    private String firstSnapshot(String params) {
        return firstMessage(params, "orderbook_snapshot");
    }

    /** The first message of {@code type} a raw, signed connection gets for {@code subscribe}'s params. */
    private String firstMessage(String params, String type) {
        URI socket = ExchangeEnvironment.at(base).webSocket();
        CopyOnWriteArrayList<String> received = new CopyOnWriteArrayList<>();
        WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder();
        new dev.tradeloop.exchange.auth.RequestSigner(traderKey, Clock.systemUTC()).headers("GET", socket.getPath())
                .forEach(builder::header);
        WebSocket connection = builder.buildAsync(socket, new WebSocket.Listener() {
            private final StringBuilder text = new StringBuilder();

            @Override
            public java.util.concurrent.CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                text.append(data);
                if (last) {
                    received.add(text.toString());
                    text.setLength(0);
                }
                webSocket.request(1);
                return null;
            }
        }).join();
        connection.sendText("{\"id\":1,\"cmd\":\"subscribe\",\"params\":" + params + "}", true).join();
        String wanted = "\"type\":\"" + type + "\"";
        await(() -> received.stream().anyMatch(m -> m.contains(wanted)), "a message of type " + type);
        connection.sendClose(WebSocket.NORMAL_CLOSURE, "done");
        return received.stream().filter(m -> m.contains(wanted)).findFirst().orElseThrow();
    }

    @Test
    void no_levels_come_in_no_prices_by_default_and_in_yes_prices_with_use_yes_price() {
        String ticker = SimMarkets.list("KXWS");
        client(makerKey).createOrder(order(ticker, Side.NO, Action.BUY, "0.30", 4)); // a NO bid at 0.30

        String legacy = firstSnapshot("{\"channels\":[\"orderbook_delta\"],\"market_tickers\":[\"" + ticker + "\"]}");
        String unified = firstSnapshot("{\"channels\":[\"orderbook_delta\"],\"market_tickers\":[\"" + ticker
                + "\"],\"use_yes_price\":true}");

        assertThat(legacy).contains("\"no_dollars_fp\":[[\"0.3000\",\"4.00\"]]");
        assertThat(unified).contains("\"no_dollars_fp\":[[\"0.7000\",\"4.00\"]]");
    }

    @Test
    void an_unsigned_handshake_is_refused_with_401() {
        URI socket = ExchangeEnvironment.at(base).webSocket();

        assertThatThrownBy(() -> HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(socket, new WebSocket.Listener() { }).join())
                .isInstanceOf(CompletionException.class)
                .hasCauseInstanceOf(WebSocketHandshakeException.class)
                .satisfies(e -> assertThat(((WebSocketHandshakeException) e.getCause()).getResponse().statusCode())
                        .isEqualTo(401));
    }

    @Test
    void the_book_follows_the_exchange_and_the_accounts_fills_arrive() {
        String ticker = SimMarkets.list("KXWS");
        startFeed(ticker);
        KalshiClient maker = client(makerKey);
        KalshiClient trader = client(traderKey);

        maker.createOrder(order(ticker, Side.YES, Action.BUY, "0.40", 5));
        maker.createOrder(order(ticker, Side.YES, Action.BUY, "0.42", 3));
        maker.createOrder(order(ticker, Side.NO, Action.BUY, "0.55", 8)); // a YES ask at 0.45
        trader.createOrder(order(ticker, Side.NO, Action.BUY, "0.58", 2)); // sells into the 0.42 YES bid

        await(() -> mirrorsExchange(ticker), "the feed's book to match the exchange's");
        LocalBook book = recorder.books.get(ticker);
        assertThat(book.bestYesBid()).contains(Price.parse("0.42"));
        assertThat(book.bestYesAsk()).contains(Price.parse("0.45"));
        await(() -> !recorder.fills.isEmpty(), "the trader's fill");
        FeedMessages.FillUpdate fill = recorder.fills.get(0);
        assertThat(fill.ticker()).isEqualTo(ticker);
        assertThat(fill.count()).isEqualTo(Contracts.whole(2));
        assertThat(fill.yesPrice()).isEqualTo(Price.parse("0.42"));
        assertThat(fill.postPositionHundredths()).isEqualTo(-200);
        // 0.07 x 2 x 0.42 x 0.58 = 0.0342 and 1.16 + 0.0342 floored to the cent, 1.20: 0.0058 of rounding
        assertThat(fill.fee()).isEqualTo(dev.tradeloop.events.money.Money.parse("0.0400"));
        assertThat(recorder.resyncs).isEmpty();
    }

    @Test
    void a_sequence_gap_is_detected_and_healed_by_a_snapshot() {
        String ticker = SimMarkets.list("KXWS");
        startFeed(ticker);
        KalshiClient maker = client(makerKey);
        given().contentType(ContentType.JSON).body("{\"kind\":\"SEQUENCE_GAP\",\"count\":1}")
                .when().post("/sim/admin/faults").then().statusCode(201);

        maker.createOrder(order(ticker, Side.YES, Action.BUY, "0.33", 4)); // its delta skips a seq

        await(() -> recorder.resyncs.contains(ticker + ": sequence gap"), "the gap to be detected");
        await(() -> mirrorsExchange(ticker), "the book to be healed");
        maker.createOrder(order(ticker, Side.YES, Action.BUY, "0.34", 6)); // deltas flow again after the snapshot
        await(() -> recorder.books.get(ticker).bestYesBid().equals(Optional.of(Price.parse("0.34"))),
                "the next delta after healing");
        assertThat(mirrorsExchange(ticker)).isTrue();
    }

    @Test
    void a_dropped_connection_is_reopened_and_the_book_rebuilt() {
        String ticker = SimMarkets.list("KXWS");
        startFeed(ticker);
        KalshiClient maker = client(makerKey);

        given().contentType(ContentType.JSON).body("{\"kind\":\"DROP_CONNECTIONS\"}")
                .when().post("/sim/admin/faults").then().statusCode(201);
        maker.createOrder(order(ticker, Side.YES, Action.BUY, "0.21", 7)); // while the feed is down

        await(() -> recorder.resyncs.contains(ticker + ": reconnected"), "the feed to reconnect");
        await(() -> mirrorsExchange(ticker), "the book to be rebuilt");
        maker.createOrder(order(ticker, Side.YES, Action.BUY, "0.22", 1));
        await(() -> recorder.books.get(ticker).bestYesBid().equals(Optional.of(Price.parse("0.22"))),
                "deltas on the new connection");
    }

    @Test
    void markets_can_be_added_and_removed_while_the_feed_runs() {
        String first = SimMarkets.list("KXWS");
        String second = SimMarkets.list("KXWS");
        startFeed(first);
        KalshiClient maker = client(makerKey);
        maker.createOrder(order(second, Side.YES, Action.BUY, "0.61", 3));

        feed.addMarkets(Set.of(second));

        await(() -> recorder.books.containsKey(second)
                && recorder.books.get(second).bestYesBid().equals(Optional.of(Price.parse("0.61"))), "the added market");
        feed.removeMarkets(Set.of(first));
        maker.createOrder(order(first, Side.YES, Action.BUY, "0.11", 1));
        maker.createOrder(order(second, Side.YES, Action.BUY, "0.62", 1));
        await(() -> recorder.books.get(second).bestYesBid().equals(Optional.of(Price.parse("0.62"))), "the second market's delta");
        assertThat(recorder.books.get(first).bestYesBid()).isEmpty();
        // the "ok" answers carried the subscription's seq: read in sequence, they broke nothing
        assertThat(recorder.resyncs).isEmpty();
    }

    @Test
    void a_subscription_ended_by_a_terminal_error_is_made_again_and_the_book_rebuilt() {
        String ticker = SimMarkets.list("KXWS");
        startFeed(ticker);
        KalshiClient maker = client(makerKey);

        given().contentType(ContentType.JSON).body("{\"kind\":\"END_SUBSCRIPTIONS\",\"code\":25}")
                .when().post("/sim/admin/faults").then().statusCode(201).body("ended", org.hamcrest.Matchers.greaterThanOrEqualTo(3));
        maker.createOrder(order(ticker, Side.YES, Action.BUY, "0.23", 4));

        await(() -> recorder.resyncs.contains(ticker + ": subscription ended (error 25)"), "the resubscription");
        await(() -> mirrorsExchange(ticker), "the book to be rebuilt");
        maker.createOrder(order(ticker, Side.YES, Action.BUY, "0.24", 1));
        await(() -> recorder.books.get(ticker).bestYesBid().equals(Optional.of(Price.parse("0.24"))),
                "deltas on the new subscription");
    }

    @Test
    void a_market_heard_nothing_of_for_the_stale_time_is_resynchronised_and_the_feed_says_it_is_live() {
        String ticker = SimMarkets.list("KXWS");
        feed = new MarketFeed(ExchangeEnvironment.at(base), traderKey, client(traderKey), Clock.systemUTC(),
                Set.of("orderbook_delta", "ticker"), Set.of(ticker), recorder, Duration.ofSeconds(1), MarketFeed.DEFAULT_MARKETS_PER_SUBSCRIPTION);
        feed.start();
        await(() -> recorder.books.containsKey(ticker), "the first snapshot of " + ticker);
        await(feed::isLive, "the feed to be live");

        // a quiet market: no order, no trade, so no book or ticker message
        await(() -> recorder.resyncs.contains(ticker + ": stale: nothing heard for 1 s"), "the stale market's resync");
        assertThat(mirrorsExchange(ticker)).isTrue();
    }

    @Test
    void a_subscription_over_the_market_limit_is_refused_with_error_26() {
        StringBuilder tickers = new StringBuilder();
        for (int i = 0; i <= 100; i++) {
            tickers.append(i == 0 ? "" : ",").append("\"KXMANY-").append(i).append("\"");
        }
        String answer = firstMessage("{\"channels\":[\"ticker\"],\"market_tickers\":[" + tickers + "]}", "error");

        assertThat(answer).contains("\"code\":26");
    }

    private Set<String> listMarkets(int count) {
        Set<String> tickers = new java.util.LinkedHashSet<>();
        for (int i = 0; i < count; i++) {
            tickers.add(SimMarkets.list("KXMANY"));
        }
        return tickers;
    }

    private void startFeed(Set<String> tickers, int marketsPerSubscription) {
        feed = new MarketFeed(ExchangeEnvironment.at(base), traderKey, client(traderKey), Clock.systemUTC(),
                Set.of("orderbook_delta", "ticker"), tickers, recorder, Duration.ofSeconds(60), marketsPerSubscription);
        feed.start();
    }

    @Test
    void more_markets_than_the_exchange_takes_in_one_subscription_are_halved_until_it_takes_them() {
        Set<String> tickers = listMarkets(130); // the simulator takes 100 in one subscription
        String last = List.copyOf(tickers).get(129);
        startFeed(tickers, 250);

        await(() -> recorder.books.keySet().containsAll(tickers), "a snapshot of every one of the 130 markets");
        await(feed::isLive, "the feed to be live, every market covered");
        client(makerKey).createOrder(order(last, Side.YES, Action.BUY, "0.31", 2));
        await(() -> recorder.books.get(last).bestYesBid().equals(Optional.of(Price.parse("0.31"))), "a delta on the last market");
        assertThat(recorder.resyncs).isEmpty();
    }

    @Test
    void markets_are_spread_over_subscriptions_of_the_configured_size_and_added_where_there_is_room() {
        Set<String> first = listMarkets(5);
        startFeed(first, 2); // three subscriptions: 2, 2 and 1
        await(() -> recorder.books.keySet().containsAll(first), "a snapshot of every market");
        await(feed::isLive, "the feed to be live");

        Set<String> added = listMarkets(4); // one joins the subscription of 1, the others open two more
        feed.addMarkets(added);
        await(() -> recorder.books.keySet().containsAll(added), "a snapshot of every added market");
        await(feed::isLive, "the feed to be live again");
        KalshiClient maker = client(makerKey);
        for (String ticker : added) {
            maker.createOrder(order(ticker, Side.YES, Action.BUY, "0.41", 1));
        }
        await(() -> added.stream().allMatch(ticker ->
                recorder.books.get(ticker).bestYesBid().equals(Optional.of(Price.parse("0.41")))), "a delta on every added market");
        assertThat(recorder.resyncs).isEmpty();
    }

    @Test
    void a_subscription_size_under_one_is_refused_at_construction() {
        assertThatThrownBy(() -> new MarketFeed(ExchangeEnvironment.at(base), traderKey, client(traderKey), Clock.systemUTC(),
                Set.of("orderbook_delta"), Set.of(), recorder, Duration.ofSeconds(60), 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 1");
    }
}
