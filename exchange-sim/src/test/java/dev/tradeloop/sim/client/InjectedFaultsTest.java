package dev.tradeloop.sim.client;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradeloop.events.Action;
import dev.tradeloop.events.Side;
import dev.tradeloop.events.money.Contracts;
import dev.tradeloop.events.money.Money;
import dev.tradeloop.events.money.Price;
import dev.tradeloop.exchange.ExchangeEnvironment;
import dev.tradeloop.exchange.auth.ApiCredentials;
import dev.tradeloop.exchange.auth.PemPrivateKeys;
import dev.tradeloop.exchange.model.NewOrder;
import dev.tradeloop.exchange.model.Order;
import dev.tradeloop.exchange.rest.ExchangeException;
import dev.tradeloop.exchange.rest.KalshiClient;
import dev.tradeloop.exchange.rest.RateLimits;
import dev.tradeloop.sim.SimMarkets;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Each fault the simulator injects reaches the client as the typed error it should be. */
@QuarkusTest
class InjectedFaultsTest {

    private static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(2);

    @TestHTTPResource("/trade-api/v2")
    URI base;

    private KalshiClient trader() {
        ApiCredentials credentials = new ApiCredentials("22222222-2222-4222-8222-222222222222",
                PemPrivateKeys.read(Path.of("src/test/resources/private", "trader.key.pem")));
        return new KalshiClient(ExchangeEnvironment.at(base), Optional.of(credentials), RateLimits.BASIC,
                CLIENT_TIMEOUT, Clock.systemUTC());
    }

    private static void arm(String kind, String operation, int count, long delayMs) {
        given().contentType(ContentType.JSON)
                .body("{\"kind\":\"" + kind + "\",\"operation\":\"" + operation + "\",\"count\":" + count
                        + ",\"delay_ms\":" + delayMs + "}")
                .when().post("/sim/admin/faults").then().statusCode(201);
    }


    private static NewOrder order(String ticker, String clientOrderId) {
        return NewOrder.of(ticker, Side.YES, Action.BUY, Contracts.whole(1), Price.parse("0.25"),
                NewOrder.GOOD_TILL_CANCELED, clientOrderId);
    }

    @AfterEach
    void clearFaults() {
        given().when().delete("/sim/admin/faults").then().statusCode(204);
    }

    @Test
    void a_lost_response_to_a_create_is_an_unknown_outcome_and_the_order_is_found_by_its_client_order_id() {
        String ticker = SimMarkets.list("KXFLT");
        KalshiClient trader = trader();
        arm("RESPONSE_LOST", "create", 1, 4000);

        assertThatThrownBy(() -> trader.createOrder(order(ticker, "lost-" + ticker)))
                .isInstanceOf(ExchangeException.UnknownOutcome.class)
                .hasMessageContaining("timed out");

        Optional<Order> placed = trader.findByClientOrderId(ticker, "lost-" + ticker);
        assertThat(placed).isPresent();
        assertThat(placed.get().isResting()).isTrue();
    }

    @Test
    void an_unreadable_2xx_answer_to_a_create_is_an_unknown_outcome_and_the_order_is_there() {
        String ticker = SimMarkets.list("KXFLT");
        KalshiClient trader = trader();
        arm("UNREADABLE_ANSWER", "create", 1, 0);

        assertThatThrownBy(() -> trader.createOrder(order(ticker, "garbled-" + ticker)))
                .isInstanceOf(ExchangeException.UnknownOutcome.class)
                .hasMessageContaining("could not be read");

        assertThat(trader.findByClientOrderId(ticker, "garbled-" + ticker)).isPresent();
    }

    @Test
    void a_timeout_on_a_create_is_an_unknown_outcome_even_when_nothing_was_done() {
        String ticker = SimMarkets.list("KXFLT");
        KalshiClient trader = trader();
        arm("TIMEOUT", "create", 1, 4000);

        assertThatThrownBy(() -> trader.createOrder(order(ticker, "slow-" + ticker)))
                .isInstanceOf(ExchangeException.UnknownOutcome.class);

        assertThat(trader.findByClientOrderId(ticker, "slow-" + ticker)).isEmpty();
    }

    @Test
    void a_server_error_on_a_create_is_an_unknown_outcome_never_a_silent_retry() {
        String ticker = SimMarkets.list("KXFLT");
        KalshiClient trader = trader();
        arm("SERVER_ERROR", "create", 1, 0);

        assertThatThrownBy(() -> trader.createOrder(order(ticker, "five-" + ticker)))
                .isInstanceOfSatisfying(ExchangeException.UnknownOutcome.class, e -> assertThat(e.status()).isEqualTo(500));
    }

    @Test
    void reads_are_retried_through_429_500_and_a_timeout() {
        KalshiClient trader = trader();
        arm("RATE_LIMIT", "balance", 1, 0);
        arm("SERVER_ERROR", "balance", 1, 0);
        arm("TIMEOUT", "balance", 1, 4000);

        Money balance = trader.balance().dollars();

        assertThat(balance.isNegative()).isFalse();
        given().when().get("/sim/admin/faults").then().statusCode(200).body("size()", org.hamcrest.Matchers.is(0));
    }

    @Test
    void a_read_that_keeps_failing_ends_as_a_transient_error_with_its_status() {
        KalshiClient trader = trader();
        arm("SERVER_ERROR", "balance", 4, 0);

        assertThatThrownBy(trader::balance)
                .isInstanceOfSatisfying(ExchangeException.Transient.class, e -> assertThat(e.status()).isEqualTo(500));
    }

    @Test
    void a_rate_limited_create_is_retried_because_nothing_was_done() {
        String ticker = SimMarkets.list("KXFLT");
        KalshiClient trader = trader();
        arm("RATE_LIMIT", "create", 1, 0);

        assertThat(trader.createOrder(order(ticker, "rl-" + ticker)).clientOrderId()).isEqualTo("rl-" + ticker);
        assertThat(trader.findByClientOrderId(ticker, "rl-" + ticker)).isPresent();
    }

    @Test
    void latency_slows_an_answer_but_it_arrives() {
        String ticker = SimMarkets.list("KXFLT");
        arm("LATENCY", "market", 1, 300);

        assertThat(trader().market(ticker).ticker()).isEqualTo(ticker);
    }
}
