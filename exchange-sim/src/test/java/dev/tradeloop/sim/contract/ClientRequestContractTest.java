package dev.tradeloop.sim.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import dev.tradeloop.events.Action;
import dev.tradeloop.events.Side;
import dev.tradeloop.events.json.Json;
import dev.tradeloop.events.money.Contracts;
import dev.tradeloop.events.money.Price;
import dev.tradeloop.exchange.ExchangeEnvironment;
import dev.tradeloop.exchange.auth.ApiCredentials;
import dev.tradeloop.exchange.auth.PemPrivateKeys;
import dev.tradeloop.exchange.model.NewOrder;
import dev.tradeloop.exchange.rest.KalshiClient;
import dev.tradeloop.exchange.rest.RateLimits;
import dev.tradeloop.sim.contract.KalshiSpecification.Operation;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every request the client builds, as it goes over the wire, is valid against Kalshi's vendored
 * OpenAPI documents: each body against the operation's request schema, each query parameter one
 * the operation takes. The requests are caught by a local HTTP server that answers as Kalshi
 * documents; each check also shows the validator refusing a payload that is wrong.
 */
class ClientRequestContractTest {

    private static final Operation CREATE = new Operation("create-order-v2.yaml", "POST", "/portfolio/events/orders");
    private static final Operation CANCEL = new Operation("cancel-order-v2.yaml", "DELETE",
            "/portfolio/events/orders/{order_id}");
    private static final Operation AMEND = new Operation("amend-order-v2.yaml", "POST",
            "/portfolio/events/orders/{order_id}/amend");
    private static final Operation DECREASE = new Operation("decrease-order-v2.yaml", "POST",
            "/portfolio/events/orders/{order_id}/decrease");

    /** One request as the server got it. */
    record Caught(String method, String path, Map<String, String> query, String body) {

        JsonNode json() throws IOException {
            return Json.mapper().readTree(body);
        }
    }

    private final List<Caught> caught = new CopyOnWriteArrayList<>();
    private HttpServer server;
    private KalshiClient client;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            URI uri = exchange.getRequestURI();
            caught.add(new Caught(exchange.getRequestMethod(), uri.getPath(), query(uri.getRawQuery()),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            byte[] answer = answerFor(exchange.getRequestMethod(), uri.getPath()).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(exchange.getRequestMethod().equals("POST")
                    && uri.getPath().endsWith("/orders") ? 201 : 200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
        ApiCredentials key = new ApiCredentials("22222222-2222-4222-8222-222222222222",
                PemPrivateKeys.read(Path.of("src/test/resources/private", "trader.key.pem")));
        client = new KalshiClient(ExchangeEnvironment.at(URI.create("http://127.0.0.1:" + server.getAddress().getPort()
                + "/trade-api/v2")), Optional.of(key), RateLimits.BASIC, Duration.ofSeconds(5), Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    /** What Kalshi documents each operation to answer, enough for the client to read. */
    private static String answerFor(String method, String path) {
        if (path.endsWith("/amend") || path.endsWith("/decrease")) {
            return "{\"order_id\":\"o-1\",\"remaining_count\":\"5.00\",\"fill_count\":\"0.00\",\"ts_ms\":1}";
        }
        if (method.equals("DELETE")) {
            return "{\"order_id\":\"o-1\",\"client_order_id\":\"c-1\",\"reduced_by\":\"5.00\",\"ts_ms\":1}";
        }
        if (method.equals("POST")) {
            return "{\"order_id\":\"o-1\",\"client_order_id\":\"c-1\",\"fill_count\":\"0.00\",\"remaining_count\":\"5.00\","
                    + "\"ts_ms\":1}";
        }
        if (path.endsWith("/portfolio/orders")) {
            return "{\"orders\":[],\"cursor\":\"\"}";
        }
        if (path.endsWith("/portfolio/fills")) {
            return "{\"fills\":[],\"cursor\":\"\"}";
        }
        if (path.endsWith("/portfolio/settlements")) {
            return "{\"settlements\":[],\"cursor\":\"\"}";
        }
        if (path.endsWith("/portfolio/positions")) {
            return "{\"market_positions\":[],\"event_positions\":[],\"cursor\":\"\"}";
        }
        return "{\"markets\":[],\"cursor\":\"\"}";
    }

    private static Map<String, String> query(String raw) {
        if (raw == null || raw.isEmpty()) {
            return Map.of();
        }
        return Arrays.stream(raw.split("&")).map(pair -> pair.split("=", 2)).collect(Collectors.toMap(
                pair -> URLDecoder.decode(pair[0], StandardCharsets.UTF_8),
                pair -> pair.length > 1 ? URLDecoder.decode(pair[1], StandardCharsets.UTF_8) : ""));
    }

    private Caught last() {
        return caught.get(caught.size() - 1);
    }

    private static Set<String> unknownParameters(Operation operation, Caught request) {
        return request.query().keySet().stream().filter(name -> !operation.parameters("query").contains(name))
                .collect(Collectors.toSet());
    }

    @Test
    void a_create_order_body_is_a_create_order_v2_request_for_every_way_to_trade() throws IOException {
        for (Side side : Side.values()) {
            for (Action action : Action.values()) {
                for (String timeInForce : List.of(NewOrder.GOOD_TILL_CANCELED, NewOrder.IMMEDIATE_OR_CANCEL)) {
                    client.createOrder(NewOrder.of("KXT-1", side, action, Contracts.whole(5), Price.parse("0.455"),
                            timeInForce, "c-" + side + action));
                    assertThat(KalshiSpecification.problems(CREATE.request(), last().json()))
                            .as(side + " " + action + " " + timeInForce).isEmpty();
                }
            }
        }
        ObjectNode numberCount = (ObjectNode) last().json();
        numberCount.put("count", 5);
        ObjectNode noTimeInForce = (ObjectNode) last().json();
        noTimeInForce.remove("time_in_force");

        assertThat(KalshiSpecification.problems(CREATE.request(), numberCount)).isNotEmpty();
        assertThat(KalshiSpecification.problems(CREATE.request(), noTimeInForce)).isNotEmpty();
    }

    @Test
    void a_cancel_takes_only_the_documented_query_parameters() {
        client.cancelOrder("o-1", "KXT-1");

        assertThat(last().method()).isEqualTo("DELETE");
        assertThat(last().query()).containsEntry("market_ticker", "KXT-1");
        assertThat(unknownParameters(CANCEL, last())).isEmpty();
        Caught undocumented = new Caught("DELETE", last().path(), Map.of("ticker", "KXT-1"), "");
        assertThat(unknownParameters(CANCEL, undocumented)).containsExactly("ticker");
    }

    @Test
    void an_amend_body_is_an_amend_order_v2_request() throws IOException {
        client.amendOrder("o-1", "KXT-1", "bid", Price.parse("0.57"), Contracts.whole(8));

        assertThat(KalshiSpecification.problems(AMEND.request(), last().json())).isEmpty();
        ObjectNode numberPrice = (ObjectNode) last().json();
        numberPrice.put("price", 0.57);
        ObjectNode noSide = (ObjectNode) last().json();
        noSide.remove("side");
        assertThat(KalshiSpecification.problems(AMEND.request(), numberPrice)).isNotEmpty();
        assertThat(KalshiSpecification.problems(AMEND.request(), noSide)).isNotEmpty();
    }

    @Test
    void a_decrease_body_is_a_decrease_order_v2_request_routed_by_its_market() throws IOException {
        client.decreaseOrder("o-1", "KXT-1", Contracts.whole(3));

        assertThat(KalshiSpecification.problems(DECREASE.request(), last().json())).isEmpty();
        assertThat(last().json().path("market_ticker").asText()).isEqualTo("KXT-1");
        ObjectNode numberCount = (ObjectNode) last().json();
        numberCount.put("reduce_to", 3);
        assertThat(KalshiSpecification.problems(DECREASE.request(), numberCount)).isNotEmpty();
    }

    @Test
    void listings_take_only_the_documented_query_parameters() {
        client.orders(Map.of("ticker", "KXT-1", "status", "resting"), Optional.of("abc"), 100);
        Caught orders = last();
        client.fills(Map.of("order_id", "o-1"), Optional.empty(), 200);
        Caught fills = last();
        client.position("KXT-1");
        Caught positions = last();
        client.markets(Map.of("status", "open", "series_ticker", "KXT"), Optional.empty(), 100);
        Caught markets = last();
        client.settlements(Map.of("ticker", "KXT-1"), Optional.empty(), 100);
        Caught settlements = last();

        assertThat(unknownParameters(new Operation("get-orders.yaml", "GET", "/portfolio/orders"), orders)).isEmpty();
        assertThat(unknownParameters(new Operation("get-fills.yaml", "GET", "/portfolio/fills"), fills)).isEmpty();
        assertThat(unknownParameters(new Operation("get-positions.yaml", "GET", "/portfolio/positions"), positions))
                .isEmpty();
        assertThat(unknownParameters(new Operation("get-markets.yaml", "GET", "/markets"), markets)).isEmpty();
        assertThat(unknownParameters(new Operation("get-settlements.yaml", "GET", "/portfolio/settlements"), settlements))
                .isEmpty();
        Caught misnamed = new Caught("GET", orders.path(), Map.of("market", "KXT-1"), "");
        assertThat(unknownParameters(new Operation("get-orders.yaml", "GET", "/portfolio/orders"), misnamed))
                .containsExactly("market");
    }
}
