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
import dev.tradeloop.exchange.model.Fill;
import dev.tradeloop.exchange.model.MarketPosition;
import dev.tradeloop.exchange.model.NewOrder;
import dev.tradeloop.exchange.model.Order;
import dev.tradeloop.exchange.model.OrderAck;
import dev.tradeloop.exchange.rest.ExchangeException;
import dev.tradeloop.exchange.rest.KalshiClient;
import dev.tradeloop.exchange.rest.RateLimits;
import dev.tradeloop.sim.SimMarkets;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The real client against the simulator over real HTTP: what a trading service will do. */
@QuarkusTest
class ClientAgainstSimulatorTest {

    @TestHTTPResource("/trade-api/v2")
    URI base;

    private KalshiClient client(String keyId, String keyFile) {
        ApiCredentials credentials = new ApiCredentials(keyId,
                PemPrivateKeys.read(Path.of("src/test/resources/private", keyFile)));
        return new KalshiClient(ExchangeEnvironment.at(base), Optional.of(credentials), RateLimits.BASIC,
                Duration.ofSeconds(5), Clock.systemUTC());
    }

    private KalshiClient maker() {
        return client("11111111-1111-4111-8111-111111111111", "maker.key.pem");
    }

    private KalshiClient trader() {
        return client("22222222-2222-4222-8222-222222222222", "trader.key.pem");
    }


    private static NewOrder buy(String ticker, Side side, String price, long count, String clientOrderId) {
        return NewOrder.of(ticker, side, Action.BUY, Contracts.whole(count), Price.parse(price),
                NewOrder.GOOD_TILL_CANCELED, clientOrderId);
    }

    @Test
    void place_fill_partly_then_fully_and_the_balance_reconciles_to_the_cent_with_fees() {
        String ticker = SimMarkets.list("KXCLI");
        KalshiClient maker = maker();
        KalshiClient trader = trader();
        Money before = trader.balance().dollars();
        maker.createOrder(buy(ticker, Side.NO, "0.44", 4, "mk1-" + ticker)); // YES ask at 0.56 for 4

        OrderAck partly = trader.createOrder(buy(ticker, Side.YES, "0.56", 10, "tr1-" + ticker));
        assertThat(partly.fillCount()).isEqualTo(Contracts.whole(4));
        assertThat(partly.remainingCount()).isEqualTo(Contracts.whole(6));
        assertThat(trader.order(partly.orderId(), ticker).isResting()).isTrue();

        maker.createOrder(buy(ticker, Side.NO, "0.44", 6, "mk2-" + ticker)); // fills the resting rest
        Order done = trader.order(partly.orderId(), ticker);
        assertThat(done.status()).isEqualTo("executed");
        assertThat(done.fillCountFp()).isEqualTo(Contracts.whole(10));

        List<Fill> fills = trader.fills(Map.of("ticker", ticker), Optional.empty(), 100).items();
        assertThat(fills).extracting(Fill::countFp).containsExactly(Contracts.whole(4), Contracts.whole(6));
        Money cost = fills.stream().map(f -> f.yesPriceDollars().times(f.countFp())).reduce(Money.ZERO, Money::plus);
        Money fees = fills.stream().map(Fill::feeCost).reduce(Money.ZERO, Money::plus);
        assertThat(cost).isEqualTo(Money.parse("5.60"));
        // taker on the first 4 only: 0.07 x 4 x 0.56 x 0.44 = 0.068992 -> 0.0690, and 2.24 + 0.0690 floored to the
        // cent, 2.31: a rounding fee of 0.0010; the maker fill of 6 at 0.56 is free and on the cent
        assertThat(fees).isEqualTo(Money.parse("0.0700"));
        assertThat(before.minus(trader.balance().dollars())).isEqualTo(cost.plus(fees));
        MarketPosition position = trader.positions(Optional.empty(), 100).items().stream()
                .filter(p -> p.ticker().equals(ticker)).findFirst().orElseThrow();
        assertThat(position.isNo()).isFalse();
        assertThat(position.size()).isEqualTo(Contracts.whole(10));
    }

    @Test
    void cancel_amend_decrease_and_find_an_order_by_its_client_order_id() {
        String ticker = SimMarkets.list("KXCLI");
        KalshiClient trader = trader();
        OrderAck resting = trader.createOrder(buy(ticker, Side.YES, "0.30", 10, "am-" + ticker));

        trader.decreaseOrder(resting.orderId(), ticker, Contracts.whole(7));
        assertThat(trader.order(resting.orderId(), ticker).remainingCountFp()).isEqualTo(Contracts.whole(7));
        trader.amendOrder(resting.orderId(), ticker, "bid", Price.parse("0.31"), Contracts.whole(8));
        Order amended = trader.order(resting.orderId(), ticker);
        assertThat(amended.yesPriceDollars()).isEqualTo(Price.parse("0.31"));
        assertThat(amended.remainingCountFp()).isEqualTo(Contracts.whole(8));

        assertThat(trader.findByClientOrderId(ticker, "am-" + ticker)).map(Order::orderId).contains(resting.orderId());
        assertThat(trader.findByClientOrderId(ticker, "never-sent")).isEmpty();
        assertThat(trader.cancelOrder(resting.orderId(), ticker).reducedBy()).isEqualTo(Contracts.whole(8));
        assertThat(trader.order(resting.orderId(), ticker).status()).isEqualTo("canceled");
    }

    @Test
    void errors_arrive_as_their_types() {
        String ticker = SimMarkets.list("KXCLI");
        KalshiClient trader = trader();
        trader.createOrder(buy(ticker, Side.YES, "0.20", 1, "dup-" + ticker));

        assertThatThrownBy(() -> trader.createOrder(buy(ticker, Side.YES, "0.20", 1, "dup-" + ticker)))
                .isInstanceOf(ExchangeException.Conflict.class);
        assertThatThrownBy(() -> trader.createOrder(buy(ticker, Side.YES, "0.20", 100_000, "big-" + ticker)))
                .isInstanceOfSatisfying(ExchangeException.Rejected.class,
                        e -> assertThat(e.code()).contains("available_balance_too_low"));
        assertThatThrownBy(() -> trader.market("KX-NO-SUCH-MARKET")).isInstanceOf(ExchangeException.NotFound.class);
        KalshiClient stranger = client("33333333-3333-4333-8333-333333333333", "trader.key.pem");
        assertThatThrownBy(stranger::balance).isInstanceOf(ExchangeException.Unauthorized.class);
    }

    @Test
    void markets_are_paged_with_the_cursor() {
        SimMarkets.list("KXCLI");
        SimMarkets.list("KXCLI");

        var first = trader().markets(Map.of("status", "open"), Optional.empty(), 1);
        var all = trader().allMarkets(Map.of("status", "open"));

        assertThat(first.items()).hasSize(1);
        assertThat(first.isLast()).isFalse();
        assertThat(all.size()).isGreaterThanOrEqualTo(2);
        assertThat(all).extracting(m -> m.ticker()).doesNotHaveDuplicates();
    }

    @Test
    void events_group_their_markets() {
        String ticker = SimMarkets.list("KXCLI");

        var event = trader().event("KXCLI");
        var listed = trader().events(Optional.empty(), 100).items();

        assertThat(event.markets()).extracting(m -> m.ticker()).contains(ticker);
        assertThat(listed).anySatisfy(e -> {
            assertThat(e.eventTicker()).isEqualTo("KXCLI");
            assertThat(e.markets()).extracting(m -> m.ticker()).contains(ticker);
        });
        assertThatThrownBy(() -> trader().event("KX-NO-EVENT")).isInstanceOf(ExchangeException.NotFound.class);
    }

    @Test
    void a_series_says_what_it_charges_and_its_multiplier_is_read_exactly() {
        SimMarkets.listWithFees("KXFEESERIES-26DEC01", "quadratic_with_maker_fees", "1.15");

        var series = trader().series("KXFEESERIES");

        assertThat(series.feeType()).isEqualTo("quadratic_with_maker_fees");
        assertThat(series.feeMultiplier()).isEqualByComparingTo("1.15");
        assertThat(series.feeMultiplier().scale()).isEqualTo(2); // 1.15 as written, not the double nearest it
        assertThatThrownBy(() -> trader().series("KXNOSUCHSERIES")).isInstanceOf(ExchangeException.NotFound.class);
    }
}
