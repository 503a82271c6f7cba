package dev.tradeloop.sim.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tradeloop.events.json.Json;
import dev.tradeloop.exchange.ExchangeEnvironment;
import dev.tradeloop.exchange.auth.ApiCredentials;
import dev.tradeloop.exchange.auth.PemPrivateKeys;
import dev.tradeloop.exchange.auth.RequestSigner;
import dev.tradeloop.exchange.feed.FeedCommands;
import dev.tradeloop.sim.SimMarkets;
import dev.tradeloop.sim.rest.SignedRequests;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Every WebSocket message the simulator sends on the channels the project uses, and every command
 * the client's feed sends, is valid against the payload schemas of Kalshi's vendored AsyncAPI
 * document; each check also shows the validator refusing the same message with one field broken.
 */
@QuarkusTest
class WebSocketContractTest {

    private static final String REQUIRED = ",\"time_in_force\":\"good_till_canceled\","
            + "\"self_trade_prevention_type\":\"taker_at_cross\"";

    @TestHTTPResource("/trade-api/v2")
    URI base;

    /** A signed connection that keeps every message it receives. */
    private final class RawFeed implements AutoCloseable {
        final List<JsonNode> received = new CopyOnWriteArrayList<>();
        final java.util.concurrent.atomic.AtomicInteger pings = new java.util.concurrent.atomic.AtomicInteger();
        final WebSocket socket;

        RawFeed() {
            URI address = ExchangeEnvironment.at(base).webSocket();
            WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder();
            ApiCredentials key = new ApiCredentials(SignedRequests.TRADER,
                    PemPrivateKeys.read(Path.of("src/test/resources/private", "trader.key.pem")));
            new RequestSigner(key, Clock.systemUTC()).headers("GET", address.getPath()).forEach(builder::header);
            socket = builder.buildAsync(address, new WebSocket.Listener() {
                private final StringBuilder text = new StringBuilder();

                @Override
                public CompletionStage<?> onPing(WebSocket webSocket, java.nio.ByteBuffer message) {
                    pings.incrementAndGet();
                    return WebSocket.Listener.super.onPing(webSocket, message); // answers the pong
                }

                @Override
                public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                    text.append(data);
                    if (last) {
                        try {
                            received.add(Json.mapper().readTree(text.toString()));
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                        text.setLength(0);
                    }
                    webSocket.request(1);
                    return null;
                }
            }).join();
        }

        void send(String command) {
            socket.sendText(command, true).join();
        }

        /** The first message of {@code type}, waiting for it up to the deadline. */
        JsonNode first(String type) {
            Awaitility.await("a " + type + " message").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20))
                    .until(() -> received.stream().anyMatch(m -> type.equals(m.path("type").asText())));
            return received.stream().filter(m -> type.equals(m.path("type").asText())).findFirst().orElseThrow();
        }

        @Override
        public void close() {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
        }
    }

    /** The message is valid against {@code schema}, and the same message with {@code breakIt} applied is not. */
    private static void conforms(String schema, JsonNode message, Consumer<ObjectNode> breakIt) {
        assertThat(KalshiSpecification.problems(KalshiSpecification.webSocketPayload(schema), message)).as(schema)
                .isEmpty();
        ObjectNode broken = message.deepCopy();
        breakIt.accept(broken);
        assertThat(KalshiSpecification.problems(KalshiSpecification.webSocketPayload(schema), broken))
                .as("broken " + schema).isNotEmpty();
    }

    private static Consumer<ObjectNode> inMsg(Consumer<ObjectNode> breakIt) {
        return message -> breakIt.accept((ObjectNode) message.get("msg"));
    }

    @Test
    void the_feeds_commands_are_as_the_asyncapi_document_says() {
        JsonNode subscribe = Json.mapper().valueToTree(FeedCommands.subscribe(1,
                List.of("orderbook_delta", "ticker", "fill"), List.of("KXA-1", "KXB-2")));
        JsonNode subscribeFills = Json.mapper().valueToTree(FeedCommands.subscribe(2, List.of("fill", "user_orders"), List.of()));
        JsonNode add = Json.mapper().valueToTree(FeedCommands.update(3, 7, "add_markets", List.of("KXC-3")));
        JsonNode snapshot = Json.mapper().valueToTree(FeedCommands.update(4, 7, "get_snapshot", List.of()));
        JsonNode unsubscribe = Json.mapper().valueToTree(FeedCommands.unsubscribe(5, List.of(7)));

        conforms("subscribeCommandPayload", subscribe, inParams(params -> params.putArray("channels")));
        conforms("subscribeCommandPayload", subscribeFills, command -> command.put("cmd", "subscribe_all"));
        conforms("updateSubscriptionCommandPayload", add, inParams(params -> params.remove("action")));
        conforms("updateSubscriptionCommandPayload", snapshot, inParams(params -> params.put("action", "refresh")));
        conforms("unsubscribeCommandPayload", unsubscribe, inParams(params -> params.putArray("sids")));
        assertThat(subscribe.path("params").path("use_yes_price").asBoolean()).isTrue();
        assertThat(subscribeFills.path("params").has("market_tickers")).isFalse();
    }

    @Test
    void the_server_pings_a_connection_within_its_ten_second_interval() {
        try (RawFeed feed = new RawFeed()) {
            Awaitility.await("a ping from the server").atMost(Duration.ofSeconds(12)).pollInterval(Duration.ofMillis(100))
                    .until(() -> feed.pings.get() > 0);
        }
    }

    private static Consumer<ObjectNode> inParams(Consumer<ObjectNode> breakIt) {
        return command -> breakIt.accept((ObjectNode) command.get("params"));
    }

    @Test
    void the_channels_messages_answers_and_errors_are_as_the_asyncapi_document_says() {
        String ticker = SimMarkets.list("KXWSCONTRACT", "deci_cent", 0);
        SignedRequests maker = SignedRequests.maker();
        SignedRequests trader = SignedRequests.trader();
        maker.post("/portfolio/events/orders", "{\"ticker\":\"" + ticker + "\",\"side\":\"ask\",\"price\":\"0.5730\","
                + "\"count\":\"10.00\"" + REQUIRED + "}").then().statusCode(201);
        try (RawFeed feed = new RawFeed()) {
            feed.send("{\"id\":1,\"cmd\":\"subscribe\",\"params\":{\"channels\":[\"orderbook_delta\",\"ticker\",\"fill\",\"user_orders\"],"
                    + "\"market_tickers\":[\"" + ticker + "\"],\"use_yes_price\":true}}");
            JsonNode snapshot = feed.first("orderbook_snapshot");
            trader.post("/portfolio/events/orders", "{\"ticker\":\"" + ticker + "\",\"side\":\"bid\",\"price\":\"0.5730\","
                    + "\"count\":\"4.00\"" + REQUIRED + "}").then().statusCode(201);
            JsonNode delta = feed.first("orderbook_delta");
            JsonNode tick = feed.first("ticker");
            JsonNode fill = feed.first("fill");
            JsonNode userOrder = feed.first("user_order");
            int sid = snapshot.path("sid").asInt();
            feed.send("{\"id\":2,\"cmd\":\"update_subscription\",\"params\":{\"sid\":" + sid
                    + ",\"action\":\"get_snapshot\"}}");
            JsonNode ok = feed.first("ok");
            feed.send("{\"id\":3,\"cmd\":\"unsubscribe\",\"params\":{\"sids\":[" + sid + "]}}");
            JsonNode unsubscribed = feed.first("unsubscribed");
            feed.send("{\"id\":4,\"cmd\":\"subscribe\",\"params\":{\"channels\":[\"no_such_channel\"]}}");
            JsonNode error = feed.first("error");

            conforms("subscribedResponsePayload", feed.first("subscribed"), inMsg(msg -> msg.remove("sid")));
            conforms("orderbookSnapshotPayload", snapshot, inMsg(msg -> msg.remove("market_id")));
            conforms("orderbookDeltaPayload", delta, inMsg(msg -> msg.put("delta_fp", -4)));
            conforms("tickerPayload", tick, inMsg(msg -> msg.remove("yes_bid_size_fp")));
            conforms("fillPayload", fill, inMsg(msg -> msg.remove("post_position_fp")));
            conforms("userOrderPayload", userOrder, inMsg(msg -> msg.remove("book_side")));
            conforms("okResponsePayload", ok, message -> message.put("seq", "next"));
            conforms("unsubscribedResponsePayload", unsubscribed, message -> message.remove("seq"));
            conforms("errorResponsePayload", error, inMsg(msg -> msg.put("code", 29)));
        }
    }
}
