package dev.tradeloop.edge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradeloop.events.Action;
import dev.tradeloop.events.KafkaUser;
import dev.tradeloop.events.MarketStatus;
import dev.tradeloop.events.PriceTick;
import dev.tradeloop.events.Side;
import dev.tradeloop.events.Topics;
import dev.tradeloop.events.money.Contracts;
import dev.tradeloop.events.money.Price;
import dev.tradeloop.exchange.model.NewOrder;
import dev.tradeloop.testkit.ExchangeTestResource;
import dev.tradeloop.testkit.KafkaTestResource;
import dev.tradeloop.testkit.TestExchange;
import dev.tradeloop.testkit.TestKafka;
import dev.tradeloop.testkit.TopicReader;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * The exchange's market data into {@code price-ticks}: the project's simulator (a separate process
 * speaking the Kalshi API), its WebSocket feed, a real broker.
 */
@QuarkusTest
@TestProfile(MarketDataTest.WithMarketData.class)
@WithTestResource(KafkaTestResource.class)
@WithTestResource(ExchangeTestResource.class)
class MarketDataTest {

    /** Market data on, new markets picked up within a second. */
    public static class WithMarketData implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("tradeloop.market-data.enabled", "true", "tradeloop.market-data.refresh", "1s");
        }
    }

    private static final Duration DEADLINE = Duration.ofSeconds(30);

    @Test
    void a_listed_market_s_book_and_trades_arrive_as_numbered_ticks_with_its_event_and_close_time() {
        TestExchange exchange = TestExchange.get();
        String ticker = "KXMD-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        Instant close = Instant.now().plus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        exchange.listMarket(ticker, "KXMD", close);

        try (TopicReader<PriceTick> ticks = TestKafka.get().reader(Topics.PRICE_TICKS)) {
            // the market is picked up by the next listing: a tick from the REST snapshot, no book yet
            PriceTick first = ticks.await(t -> t.marketTicker().equals(ticker), DEADLINE);
            assertThat(first.eventTicker()).isEqualTo("KXMD");
            assertThat(first.closeTime()).isEqualTo(close);
            assertThat(first.marketStatus()).isEqualTo(MarketStatus.OPEN);
            assertThat(first.feeMultiplier()).hasValueSatisfying(m -> assertThat(m).isEqualByComparingTo("1"));

            // a maker bids 0.40 for YES and 0.55 for NO: YES is 0.40 / 0.45, NO is 0.55 / 0.60
            exchange.maker().createOrder(NewOrder.of(ticker, Side.YES, Action.BUY, Contracts.whole(50),
                    Price.parse("0.40"), NewOrder.GOOD_TILL_CANCELED, "md-" + UUID.randomUUID()));
            exchange.maker().createOrder(NewOrder.of(ticker, Side.NO, Action.BUY, Contracts.whole(50),
                    Price.parse("0.55"), NewOrder.GOOD_TILL_CANCELED, "md-" + UUID.randomUUID()));
            PriceTick quoted = ticks.await(t -> t.marketTicker().equals(ticker)
                    && t.yesBid().equals(Price.parse("0.40")) && t.noBid().equals(Price.parse("0.55")), DEADLINE);
            assertThat(quoted.yesAsk()).isEqualTo(Price.parse("0.45"));
            assertThat(quoted.noAsk()).isEqualTo(Price.parse("0.60"));

            // a trade of 20 YES at 0.45 shows as volume
            exchange.trader().createOrder(NewOrder.of(ticker, Side.YES, Action.BUY, Contracts.whole(20),
                    Price.parse("0.45"), NewOrder.IMMEDIATE_OR_CANCEL, "md-" + UUID.randomUUID()));
            PriceTick traded = ticks.await(t -> t.marketTicker().equals(ticker)
                    && t.volume().equals(Contracts.whole(20)), DEADLINE);
            assertThat(traded.lastPrice()).contains(Price.parse("0.45"));

            List<Long> sequences = ticks.decoded().stream().filter(t -> t.marketTicker().equals(ticker))
                    .map(PriceTick::sequence).toList();
            assertThat(sequences).isSorted().doesNotHaveDuplicates();
        }
    }

    @Test
    void a_market_that_settles_sends_a_last_tick_saying_which_side_won() {
        TestExchange exchange = TestExchange.get();
        String ticker = "KXMDS-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        exchange.listMarket(ticker, "KXMDS", Instant.now().plus(2, ChronoUnit.HOURS));

        try (TopicReader<PriceTick> ticks = TestKafka.get().reader(Topics.PRICE_TICKS)) {
            ticks.await(t -> t.marketTicker().equals(ticker), DEADLINE);

            exchange.settle(ticker, Side.NO);

            PriceTick last = ticks.await(t -> t.marketTicker().equals(ticker)
                    && t.marketStatus() == MarketStatus.SETTLED, DEADLINE);
            assertThat(last.result()).contains(Side.NO);
            assertThat(ticks.decoded().stream().filter(t -> t.marketTicker().equals(ticker)))
                    .filteredOn(t -> t.marketStatus() == MarketStatus.OPEN).allMatch(t -> t.result().isEmpty());
        }
    }

    @Test
    void a_market_s_ticks_carry_its_series_fee_multiplier() {
        TestExchange exchange = TestExchange.get();
        String suffix = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String dear = "KXMDFEE" + suffix + "-E-T1";
        exchange.listMarket(dear, "KXMDFEE" + suffix + "-E", Instant.now().plus(2, ChronoUnit.HOURS),
                "quadratic_with_maker_fees", "1.5");

        try (TopicReader<PriceTick> ticks = TestKafka.get().reader(Topics.PRICE_TICKS)) {
            PriceTick first = ticks.await(t -> t.marketTicker().equals(dear), DEADLINE);

            assertThat(first.feeMultiplier()).hasValueSatisfying(m -> assertThat(m).isEqualByComparingTo("1.5"));
        }
    }

    @Test
    void a_settled_market_s_last_tick_says_what_the_exchange_paid_the_account_for_it() {
        TestExchange exchange = TestExchange.get();
        String ticker = "KXMDPAID-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        exchange.listMarket(ticker, "KXMDPAID", Instant.now().plus(2, ChronoUnit.HOURS));
        exchange.maker().createOrder(NewOrder.of(ticker, Side.NO, Action.BUY, Contracts.whole(20),
                Price.parse("0.60"), NewOrder.GOOD_TILL_CANCELED, "md-" + UUID.randomUUID()));
        exchange.trader().createOrder(NewOrder.of(ticker, Side.YES, Action.BUY, Contracts.whole(20),
                Price.parse("0.40"), NewOrder.IMMEDIATE_OR_CANCEL, "md-" + UUID.randomUUID()));

        try (TopicReader<PriceTick> ticks = TestKafka.get().reader(Topics.PRICE_TICKS)) {
            ticks.await(t -> t.marketTicker().equals(ticker), DEADLINE);

            exchange.settle(ticker, Side.YES);

            PriceTick last = ticks.await(t -> t.marketTicker().equals(ticker)
                    && t.marketStatus() == MarketStatus.SETTLED, DEADLINE);
            assertThat(last.accountSettlement()).contains(dev.tradeloop.events.money.Money.parse("20.00"));
        }
    }

    @Test
    void a_market_whose_series_cannot_be_read_yet_is_watched_once_it_can_be() {
        TestExchange exchange = TestExchange.get();
        String suffix = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String ticker = "KXMDSER" + suffix + "-E-T1";
        // the series answers 500 for one whole read (the client tries each read four times)
        exchange.armFault("{\"kind\":\"SERVER_ERROR\",\"operation\":\"series\",\"count\":4}");
        try {
            exchange.listMarket(ticker, "KXMDSER" + suffix + "-E", Instant.now().plus(2, ChronoUnit.HOURS),
                    "quadratic", "1.25");

            try (TopicReader<PriceTick> ticks = TestKafka.get().reader(Topics.PRICE_TICKS)) {
                PriceTick first = ticks.await(t -> t.marketTicker().equals(ticker), DEADLINE);

                assertThat(first.feeMultiplier()).hasValueSatisfying(m -> assertThat(m).isEqualByComparingTo("1.25"));
            }
        } finally {
            exchange.clearFaults();
        }
    }

    @Test
    void a_tick_the_broker_refuses_is_counted_and_its_quote_goes_out_again_once_the_broker_takes_it()
            throws Exception {
        TestExchange exchange = TestExchange.get();
        String ticker = "KXMD-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        exchange.listMarket(ticker, "KXMD", Instant.now().plus(2, ChronoUnit.HOURS));
        List<AclBinding> mayWriteTicks = KafkaUser.EDGE_SERVICE.aclBindings().stream()
                .filter(binding -> binding.pattern().name().equals(Topics.PRICE_TICKS.name())
                        && binding.entry().operation() == AclOperation.WRITE)
                .toList();
        assertThat(mayWriteTicks).hasSize(1);

        try (TopicReader<PriceTick> ticks = TestKafka.get().reader(Topics.PRICE_TICKS);
                Admin admin = TestKafka.get().admin()) {
            ticks.await(t -> t.marketTicker().equals(ticker), DEADLINE);
            double refusedBefore = unpublishedTicks();
            admin.deleteAcls(mayWriteTicks.stream().map(AclBinding::toFilter).toList()).all().get();
            try {
                // the broker refuses edge-service's writes: the 0.40 bid's tick is lost, and counted
                exchange.maker().createOrder(NewOrder.of(ticker, Side.YES, Action.BUY, Contracts.whole(50),
                        Price.parse("0.40"), NewOrder.GOOD_TILL_CANCELED, "md-" + UUID.randomUUID()));
                Awaitility.await().atMost(DEADLINE).until(() -> unpublishedTicks() > refusedBefore);
            } finally {
                admin.createAcls(mayWriteTicks).all().get();
            }
            assertThat(ticks.decoded()).noneMatch(t -> t.marketTicker().equals(ticker)
                    && t.yesBid().equals(Price.parse("0.40")));

            // a bid under the top changes the book, not the quote: the lost quote is sent, not taken as sent already
            exchange.maker().createOrder(NewOrder.of(ticker, Side.YES, Action.BUY, Contracts.whole(10),
                    Price.parse("0.30"), NewOrder.GOOD_TILL_CANCELED, "md-" + UUID.randomUUID()));
            PriceTick resent = ticks.await(t -> t.marketTicker().equals(ticker)
                    && t.yesBid().equals(Price.parse("0.40")), DEADLINE);
            assertThat(resent.yesBid()).isEqualTo(Price.parse("0.40"));
        }
    }

    /** tradeloop_ticks_unpublished_total on the service's metrics page; 0 before the first. */
    private static double unpublishedTicks() {
        String metrics = RestAssured.get("/q/metrics").asString();
        return metrics.lines().filter(line -> line.startsWith("tradeloop_ticks_unpublished_total"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }
}
