package dev.tradeloop.order;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tradeloop.events.ApprovedTrade;
import dev.tradeloop.events.DeadLetter;
import dev.tradeloop.events.Fill;
import dev.tradeloop.events.OrderEnding;
import dev.tradeloop.events.OrderEvent;
import dev.tradeloop.events.OrderPurpose;
import dev.tradeloop.events.OrderStatus;
import dev.tradeloop.events.Side;
import dev.tradeloop.events.Topics;
import dev.tradeloop.events.TradingMode;
import dev.tradeloop.events.json.DecodeFailure;
import dev.tradeloop.events.money.Contracts;
import dev.tradeloop.events.money.Money;
import dev.tradeloop.events.money.Price;
import dev.tradeloop.exchange.model.Order;
import dev.tradeloop.testkit.ExchangeTestResource;
import dev.tradeloop.testkit.KafkaTestResource;
import dev.tradeloop.testkit.PostgresTestResource;
import dev.tradeloop.testkit.TestExchange;
import dev.tradeloop.testkit.TestKafka;
import dev.tradeloop.testkit.TopicReader;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * order-service working approved entries on the project's simulator (a separate process speaking the
 * Kalshi API), with its ledger in a real PostgreSQL and its events on a real broker.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
@WithTestResource(ExchangeTestResource.class)
class EntryExecutionTest {

    private static final Duration DEADLINE = Duration.ofSeconds(45);
    private static final Duration ONE_SECOND = Duration.ofSeconds(1);
    private final TestKafka kafka = TestKafka.get();

    @BeforeEach
    void tradingIsActive() {
        OrderFixtures.tradingIs(TradingMode.ACTIVE);
        awaitTradingState("ACTIVE");
    }

    /** The entry's steps, each as status@price (the end, which has no price, as status alone). */
    private static List<String> steps(List<OrderEvent> events, String position) {
        return events.stream().filter(e -> e.positionId().equals(position))
                .map(e -> e.status() + e.price().map(p -> "@" + p).orElse("")).toList();
    }

    private static boolean isEnd(OrderEvent event, ApprovedTrade trade) {
        return event.positionId().equals(trade.positionId()) && event.price().isEmpty();
    }

    private List<Order> traderOrdersOn(String market) {
        return TestExchange.get().trader().orders(Map.of("ticker", market), Optional.empty(), 100).items();
    }

    @Test
    void an_entry_that_meets_an_offer_fills_at_the_target_price_and_the_fill_is_published_once() {
        String market = OrderFixtures.market();
        OrderFixtures.offerYes(market, "0.57", 100);
        ApprovedTrade trade = OrderFixtures.approved(market, 50, "0.57", "0.59", Duration.ofSeconds(5));

        kafka.produce(Topics.APPROVED_TRADES, trade.positionId(), trade);

        try (TopicReader<OrderEvent> orders = kafka.reader(Topics.ORDER_EVENTS);
                TopicReader<Fill> fills = kafka.reader(Topics.FILLS)) {
            OrderEvent end = orders.await(e -> isEnd(e, trade), DEADLINE);
            assertThat(end.status()).isEqualTo(OrderStatus.FILLED);
            assertThat(end.filled()).isEqualTo(Contracts.whole(50));
            assertThat(steps(orders.decoded(), trade.positionId()))
                    .containsExactly("INTENDED@0.5700", "PLACED@0.5700", "FILLED@0.5700", "FILLED");

            Fill fill = fills.await(f -> f.positionId().equals(trade.positionId()), DEADLINE);
            assertThat(fill.count()).isEqualTo(Contracts.whole(50));
            assertThat(fill.price()).isEqualTo(Price.parse("0.57"));
            assertThat(fill.side()).isEqualTo(Side.YES);
            assertThat(fill.purpose()).isEqualTo(OrderPurpose.ENTRY);
            assertThat(fill.clientOrderId()).isEqualTo(trade.positionId() + "-1");
            assertThat(fill.entryConfidence()).contains(trade.confidence());
            // Kalshi's taker fee: 0.07 × 50 × 0.57 × 0.43 = 0.85785, rounded up to $0.0001 = 0.8579; the
            // balance change 28.50 + 0.8579 floored to the cent, 29.36, adds a rounding fee of 0.0021
            assertThat(fill.fee()).isEqualTo(Money.parse("0.86"));
            assertThat(fill.correlationId()).isEqualTo(trade.correlationId());
            assertThat(fills.decoded()).filteredOn(f -> f.positionId().equals(trade.positionId())).hasSize(1);
        }
        assertThat(traderOrdersOn(market)).hasSize(1);
    }

    @Test
    void an_entry_that_does_not_fill_walks_its_price_by_a_cent_until_it_meets_the_offer() {
        String market = OrderFixtures.market();
        OrderFixtures.offerYes(market, "0.58", 100);
        ApprovedTrade trade = OrderFixtures.approved(market, 30, "0.57", "0.59", ONE_SECOND);

        kafka.produce(Topics.APPROVED_TRADES, trade.positionId(), trade);

        try (TopicReader<OrderEvent> orders = kafka.reader(Topics.ORDER_EVENTS)) {
            OrderEvent end = orders.await(e -> isEnd(e, trade), DEADLINE);
            assertThat(end.status()).isEqualTo(OrderStatus.FILLED);
            assertThat(steps(orders.decoded(), trade.positionId())).containsExactly(
                    "INTENDED@0.5700", "PLACED@0.5700", "CANCELLED@0.5700",
                    "WALKED@0.5800", "PLACED@0.5800", "FILLED@0.5800", "FILLED");
        }
        assertThat(traderOrdersOn(market)).extracting(Order::clientOrderId)
                .containsExactlyInAnyOrder(trade.positionId() + "-1", trade.positionId() + "-2");
    }

    @Test
    void a_partial_fill_counts_for_what_filled_and_the_rest_is_cancelled_at_the_slippage_cap() {
        String market = OrderFixtures.market();
        OrderFixtures.offerYes(market, "0.57", 20);
        ApprovedTrade trade = OrderFixtures.approved(market, 50, "0.57", "0.57", ONE_SECOND);

        kafka.produce(Topics.APPROVED_TRADES, trade.positionId(), trade);

        try (TopicReader<OrderEvent> orders = kafka.reader(Topics.ORDER_EVENTS);
                TopicReader<Fill> fills = kafka.reader(Topics.FILLS)) {
            OrderEvent end = orders.await(e -> isEnd(e, trade), DEADLINE);
            assertThat(end.status()).isEqualTo(OrderStatus.CANCELLED);
            assertThat(end.filled()).isEqualTo(Contracts.whole(20));
            assertThat(end.note().orElseThrow()).contains("20.00 of 50.00 filled");
            assertThat(end.ending()).contains(OrderEnding.SLIPPAGE_CAP_REACHED);
            assertThat(fills.await(f -> f.positionId().equals(trade.positionId()), DEADLINE).count())
                    .isEqualTo(Contracts.whole(20));
        }
        assertThat(traderOrdersOn(market)).noneMatch(Order::isResting);
    }

    @Test
    void with_no_offer_at_all_the_entry_is_abandoned_and_nothing_rests_on_the_exchange() {
        String market = OrderFixtures.market();
        ApprovedTrade trade = OrderFixtures.approved(market, 10, "0.40", "0.41", ONE_SECOND);

        kafka.produce(Topics.APPROVED_TRADES, trade.positionId(), trade);

        try (TopicReader<OrderEvent> orders = kafka.reader(Topics.ORDER_EVENTS)) {
            OrderEvent end = orders.await(e -> isEnd(e, trade), DEADLINE);
            assertThat(end.status()).isEqualTo(OrderStatus.ABANDONED);
            assertThat(end.filled()).isEqualTo(Contracts.ZERO);
        }
        assertThat(traderOrdersOn(market)).hasSize(2).noneMatch(Order::isResting);
    }

    @Test
    void an_unreadable_answer_to_a_create_is_an_unknown_outcome_looked_up_never_a_refusal() {
        String market = OrderFixtures.market();
        OrderFixtures.offerYes(market, "0.57", 100);
        TestExchange.get().armFault("{\"kind\":\"UNREADABLE_ANSWER\",\"operation\":\"create\",\"count\":1}");
        ApprovedTrade trade = OrderFixtures.approved(market, 20, "0.57", "0.59", Duration.ofSeconds(5));

        kafka.produce(Topics.APPROVED_TRADES, trade.positionId(), trade);

        try (TopicReader<OrderEvent> orders = kafka.reader(Topics.ORDER_EVENTS)) {
            OrderEvent end = orders.await(e -> isEnd(e, trade), DEADLINE);
            assertThat(end.status()).isEqualTo(OrderStatus.FILLED);
            assertThat(end.filled()).isEqualTo(Contracts.whole(20));
            assertThat(steps(orders.decoded(), trade.positionId()))
                    .containsExactly("INTENDED@0.5700", "PLACED@0.5700", "FILLED@0.5700", "FILLED");
            assertThat(orders.decoded()).filteredOn(e -> e.positionId().equals(trade.positionId())
                    && e.status() == OrderStatus.PLACED).singleElement()
                    .satisfies(placed -> assertThat(placed.note().orElseThrow()).startsWith("found on the exchange after"));
        }
        assertThat(traderOrdersOn(market)).hasSize(1);
    }

    @jakarta.inject.Inject
    dev.tradeloop.ledger.OrderWatch watch;

    @jakarta.inject.Inject
    io.micrometer.core.instrument.MeterRegistry registry;

    private double reads(String why) {
        return registry.counter("tradeloop.ledger.order.reads", "why", why).count();
    }

    /** Places an entry that rests (no offer), then offers to it once it rests; returns its end. */
    private OrderEvent entryThatRestsThenFills() {
        String market = OrderFixtures.market();
        ApprovedTrade trade = OrderFixtures.approved(market, 10, "0.57", "0.57", Duration.ofSeconds(20));
        kafka.produce(Topics.APPROVED_TRADES, trade.positionId(), trade);
        try (TopicReader<OrderEvent> orders = kafka.reader(Topics.ORDER_EVENTS)) {
            orders.await(e -> e.positionId().equals(trade.positionId()) && e.status() == OrderStatus.PLACED, DEADLINE);
            OrderFixtures.offerYes(market, "0.57", 10);
            return orders.await(e -> isEnd(e, trade), DEADLINE);
        }
    }

    @Test
    void a_resting_entry_is_read_when_the_user_orders_feed_says_it_changed_not_polled() {
        Awaitility.await("the user_orders feed to be live").atMost(DEADLINE).until(watch::isLive);
        double polled = reads("polled");
        double changed = reads("changed");

        OrderEvent end = entryThatRestsThenFills();

        assertThat(end.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(reads("changed")).isGreaterThan(changed);
        assertThat(reads("polled")).isEqualTo(polled);
    }

    @Test
    void while_the_user_orders_feed_is_down_a_resting_entry_is_polled_and_still_fills() {
        TestExchange.get().armFault("{\"kind\":\"REFUSE_CONNECTIONS\",\"count\":100000}");
        try {
            Awaitility.await("the user_orders feed to be down").atMost(DEADLINE).until(() -> !watch.isLive());
            double polled = reads("polled");

            OrderEvent end = entryThatRestsThenFills();

            assertThat(end.status()).isEqualTo(OrderStatus.FILLED);
            assertThat(end.filled()).isEqualTo(Contracts.whole(10));
            assertThat(reads("polled")).isGreaterThan(polled);
        } finally {
            TestExchange.get().clearFaults();
        }
    }

    /**
     * An entry of 50 meeting an offer at once, under {@code fault}: it ends FILLED only with every fill
     * recorded and published, from the one order it sent.
     */
    private void everyFillIsRecordedUnder(String fault) {
        String market = OrderFixtures.market();
        OrderFixtures.offerYes(market, "0.57", 100);
        ApprovedTrade trade = OrderFixtures.approved(market, 50, "0.57", "0.59", Duration.ofSeconds(5));
        TestExchange.get().armFault(fault);
        try (TopicReader<OrderEvent> orders = kafka.reader(Topics.ORDER_EVENTS);
                TopicReader<Fill> fills = kafka.reader(Topics.FILLS)) {
            kafka.produce(Topics.APPROVED_TRADES, trade.positionId(), trade);

            assertThat(orders.await(e -> isEnd(e, trade), DEADLINE).status()).isEqualTo(OrderStatus.FILLED);
            assertThat(fills.await(f -> f.positionId().equals(trade.positionId()), DEADLINE).count())
                    .isEqualTo(Contracts.whole(50));
            assertThat(fills.decoded().stream().filter(f -> f.positionId().equals(trade.positionId()))
                    .map(Fill::count).reduce(Contracts.ZERO, Contracts::plus)).isEqualTo(Contracts.whole(50));
        } finally {
            TestExchange.get().clearFaults();
        }
        assertThat(traderOrdersOn(market)).hasSize(1);
    }

    @Test
    void fills_that_lag_behind_the_order_are_waited_for_before_the_attempt_ends() {
        // for 3 s after the trade, the order says executed while the fills listing does not show them yet
        everyFillIsRecordedUnder("{\"kind\":\"FILLS_LAG\",\"delay_ms\":3000,\"count\":100000}");
    }

    @Test
    void a_fills_listing_that_fails_is_read_again_before_the_attempt_ends() {
        // three whole reads of the fills fail (the client tries each read four times)
        everyFillIsRecordedUnder("{\"kind\":\"SERVER_ERROR\",\"operation\":\"fills\",\"count\":12}");
    }

    @Test
    void an_order_whose_answer_was_lost_and_that_is_not_listed_yet_is_waited_for_not_sent_twice() {
        String market = OrderFixtures.market();
        OrderFixtures.offerYes(market, "0.57", 100);
        ApprovedTrade trade = OrderFixtures.approved(market, 20, "0.57", "0.59", Duration.ofSeconds(5));
        // the create is carried out (and fills at once) but its answer is lost; for 8 s the order listing
        // does not show it, so each look-up by client order id misses it
        TestExchange.get().armFault("{\"kind\":\"RESPONSE_LOST\",\"operation\":\"create\",\"delay_ms\":6000,\"count\":1}");
        TestExchange.get().armFault("{\"kind\":\"ORDERS_LAG\",\"delay_ms\":8000,\"count\":100000}");
        try (TopicReader<OrderEvent> orders = kafka.reader(Topics.ORDER_EVENTS);
                TopicReader<Fill> fills = kafka.reader(Topics.FILLS)) {
            kafka.produce(Topics.APPROVED_TRADES, trade.positionId(), trade);

            OrderEvent end = orders.await(e -> isEnd(e, trade), DEADLINE);

            assertThat(end.status()).isEqualTo(OrderStatus.FILLED);
            assertThat(fills.await(f -> f.positionId().equals(trade.positionId()), DEADLINE).count())
                    .isEqualTo(Contracts.whole(20));
        } finally {
            TestExchange.get().clearFaults();
        }
        assertThat(traderOrdersOn(market)).hasSize(1);
    }

    @Test
    void an_approval_older_than_the_methods_price_age_is_not_traded() {
        String market = OrderFixtures.market();
        OrderFixtures.offerYes(market, "0.57", 100);
        ApprovedTrade fresh = OrderFixtures.approved(market, 10, "0.57", "0.59", ONE_SECOND);
        // approved ten minutes ago, as a backlog after an outage would be (the method's price age is 120 s)
        ApprovedTrade stale = new ApprovedTrade(fresh.eventId(), Instant.now().minusSeconds(600), fresh.correlationId(),
                fresh.positionId(), fresh.marketTicker(), fresh.eventTicker(), fresh.side(), fresh.contracts(),
                fresh.stake(), fresh.confidence(), fresh.plan(), fresh.method(), fresh.edgeEventId());

        kafka.produce(Topics.APPROVED_TRADES, stale.positionId(), stale);

        try (TopicReader<OrderEvent> orders = kafka.reader(Topics.ORDER_EVENTS)) {
            OrderEvent end = orders.await(e -> isEnd(e, stale), DEADLINE);
            assertThat(end.status()).isEqualTo(OrderStatus.ABANDONED);
            assertThat(end.note().orElseThrow()).startsWith("stale: approved at");
            assertThat(end.ending()).contains(OrderEnding.STALE);
            assertThat(steps(orders.decoded(), stale.positionId())).containsExactly("ABANDONED");
        }
        assertThat(traderOrdersOn(market)).isEmpty();
    }

    @Test
    void an_order_the_exchange_refuses_is_not_sent_again() {
        ApprovedTrade trade = OrderFixtures.approved("KXORD-NO-SUCH-MARKET", 10, "0.40", "0.41", ONE_SECOND);

        kafka.produce(Topics.APPROVED_TRADES, trade.positionId(), trade);

        try (TopicReader<OrderEvent> orders = kafka.reader(Topics.ORDER_EVENTS)) {
            OrderEvent end = orders.await(e -> isEnd(e, trade), DEADLINE);
            assertThat(end.status()).isEqualTo(OrderStatus.REJECTED);
            assertThat(steps(orders.decoded(), trade.positionId()))
                    .containsExactly("INTENDED@0.4000", "REJECTED@0.4000", "REJECTED");
        }
    }

    @Test
    void while_trading_is_halted_no_entry_reaches_the_exchange() {
        String market = OrderFixtures.market();
        OrderFixtures.offerYes(market, "0.57", 100);
        OrderFixtures.tradingIs(TradingMode.HALTED);
        awaitTradingState("HALTED");
        ApprovedTrade trade = OrderFixtures.approved(market, 10, "0.57", "0.59", ONE_SECOND);

        kafka.produce(Topics.APPROVED_TRADES, trade.positionId(), trade);

        try (TopicReader<OrderEvent> orders = kafka.reader(Topics.ORDER_EVENTS)) {
            OrderEvent end = orders.await(e -> isEnd(e, trade), DEADLINE);
            assertThat(end.status()).isEqualTo(OrderStatus.ABANDONED);
            assertThat(end.note().orElseThrow()).isEqualTo("trading is HALTED: no new order");
            assertThat(end.ending()).contains(OrderEnding.TRADING_HALTED);
            assertThat(steps(orders.decoded(), trade.positionId())).containsExactly("ABANDONED");
        } finally {
            OrderFixtures.tradingIs(TradingMode.ACTIVE);
            awaitTradingState("ACTIVE");
        }
        assertThat(traderOrdersOn(market)).isEmpty();
    }

    @Test
    void a_halt_stamped_by_a_clock_an_hour_behind_is_obeyed_because_it_is_later_in_the_log() {
        OrderFixtures.tradingIs(TradingMode.HALTED, Instant.now().minus(Duration.ofHours(1)));
        try {
            awaitTradingState("HALTED");
        } finally {
            OrderFixtures.tradingIs(TradingMode.ACTIVE);
            awaitTradingState("ACTIVE");
        }
    }

    @jakarta.inject.Inject
    dev.tradeloop.ledger.OrderLedger ledger;

    @Test
    void an_attempt_resumed_while_trading_is_halted_is_looked_up_but_never_sent() throws Exception {
        String market = OrderFixtures.market();
        OrderFixtures.offerYes(market, "0.57", 100);
        OrderFixtures.tradingIs(TradingMode.HALTED);
        awaitTradingState("HALTED");
        ApprovedTrade trade = OrderFixtures.approved(market, 10, "0.57", "0.59", ONE_SECOND);
        try (TopicReader<OrderEvent> orders = kafka.reader(Topics.ORDER_EVENTS)) {
            // as a crash leaves it: the entry in the ledger, its first attempt intended and maybe sent
            ledger.open(new dev.tradeloop.ledger.Execution(trade.positionId(), trade.positionId(), OrderPurpose.ENTRY,
                    new String(Topics.APPROVED_TRADES.codec().encode(trade), StandardCharsets.UTF_8)));
            ledger.intend(dev.tradeloop.ledger.Attempt.intended(trade.positionId(), 1, market, Side.YES,
                    dev.tradeloop.events.Action.BUY, Price.parse("0.57"), Contracts.whole(10),
                    dev.tradeloop.exchange.model.NewOrder.GOOD_TILL_CANCELED), List.of());

            OrderEvent end = orders.await(e -> isEnd(e, trade), DEADLINE);

            assertThat(end.status()).isEqualTo(OrderStatus.ABANDONED);
            assertThat(orders.decoded()).filteredOn(e -> e.positionId().equals(trade.positionId())
                    && e.status() == OrderStatus.CANCELLED).singleElement()
                    .satisfies(unsent -> assertThat(unsent.note().orElseThrow()).startsWith("not sent"));
        } finally {
            OrderFixtures.tradingIs(TradingMode.ACTIVE);
            awaitTradingState("ACTIVE");
        }
        assertThat(traderOrdersOn(market)).isEmpty();
    }

    @Test
    void a_malformed_approved_trade_is_dead_lettered_and_the_next_one_is_executed() {
        String market = OrderFixtures.market();
        kafka.produceRaw(Topics.APPROVED_TRADES.name(), "pos-bad", "{\"type\":\"ApprovedTrade\"}".getBytes(StandardCharsets.UTF_8));
        ApprovedTrade next = OrderFixtures.approved(market, 10, "0.40", "0.40", ONE_SECOND);
        kafka.produce(Topics.APPROVED_TRADES, next.positionId(), next);

        try (TopicReader<DeadLetter> letters = kafka.reader(Topics.deadLetterOf(Topics.APPROVED_TRADES));
                TopicReader<OrderEvent> orders = kafka.reader(Topics.ORDER_EVENTS)) {
            DeadLetter letter = letters.await(l -> l.key().equals(Optional.of("pos-bad")), DEADLINE);
            assertThat(letter.failure()).isEqualTo(DecodeFailure.UNSUPPORTED_SCHEMA_VERSION);
            assertThat(letter.consumer()).isEqualTo("order-service");
            assertThat(orders.await(e -> isEnd(e, next), DEADLINE).status()).isEqualTo(OrderStatus.ABANDONED);
        }
    }

    @Test
    void an_approved_trade_the_ledger_cannot_take_is_dead_lettered_and_the_one_behind_it_is_executed() {
        String market = OrderFixtures.market();
        OrderFixtures.offerYes(market, "0.57", 100);
        ApprovedTrade template = OrderFixtures.approved(market, 10, "0.57", "0.59", ONE_SECOND);
        // PostgreSQL stores no NUL character in text: a value it refuses, however often it is asked
        ApprovedTrade unstorable = new ApprovedTrade(UUID.randomUUID(), Instant.now(), template.correlationId(),
                "pos-\u0000-" + UUID.randomUUID(), market, template.eventTicker(), template.side(),
                template.contracts(), template.stake(), template.confidence(), template.plan(), template.method(),
                UUID.randomUUID());
        ApprovedTrade behind = OrderFixtures.approved(market, 10, "0.57", "0.59", ONE_SECOND);
        String key = "one-partition-" + UUID.randomUUID();

        try (TopicReader<DeadLetter> letters = kafka.reader(Topics.deadLetterOf(Topics.APPROVED_TRADES));
                TopicReader<OrderEvent> orders = kafka.reader(Topics.ORDER_EVENTS)) {
            kafka.produce(Topics.APPROVED_TRADES, key, unstorable);
            kafka.produce(Topics.APPROVED_TRADES, key, behind);

            DeadLetter letter = letters.await(l -> l.key().equals(Optional.of(key)), DEADLINE);
            assertThat(letter.failure()).isEqualTo(DecodeFailure.PROCESSING_FAILED);
            assertThat(letter.error()).contains("the ledger cannot take it").contains("0x00");
            assertThat(orders.await(e -> isEnd(e, behind), DEADLINE).status()).isEqualTo(OrderStatus.FILLED);
        }
    }

    private static void awaitTradingState(String mode) {
        Awaitility.await("order-service to see trading " + mode).atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> given().when().get("/trading-state").then().extract().asString().contains("\"" + mode + "\""));
    }
}
