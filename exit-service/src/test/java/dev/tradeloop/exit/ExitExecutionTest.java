package dev.tradeloop.exit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tradeloop.events.Action;
import dev.tradeloop.events.Alert;
import dev.tradeloop.events.AlertCode;
import dev.tradeloop.events.AlertSeverity;
import dev.tradeloop.events.DeadLetter;
import dev.tradeloop.events.ExitReason;
import dev.tradeloop.events.ExitTrigger;
import dev.tradeloop.events.Fill;
import dev.tradeloop.events.OrderEnding;
import dev.tradeloop.events.OrderEvent;
import dev.tradeloop.events.OrderPurpose;
import dev.tradeloop.events.OrderStatus;
import dev.tradeloop.events.Topics;
import dev.tradeloop.events.TradingMode;
import dev.tradeloop.events.json.DecodeFailure;
import dev.tradeloop.events.money.Contracts;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * exit-service working exit triggers on the project's simulator (a separate process speaking the
 * Kalshi API), with its ledger in a real PostgreSQL and its events on a real broker: each priority's
 * path step by step, with the exact price of every order. Fill timeouts are one second here; the
 * method's are 5 to 60 s.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
@WithTestResource(ExchangeTestResource.class)
class ExitExecutionTest {

    private static final Duration DEADLINE = Duration.ofSeconds(60);
    private static final Duration ONE_SECOND = Duration.ofSeconds(1);
    private final TestKafka kafka = TestKafka.get();

    @BeforeEach
    void tradingIsActive() {
        ExitFixtures.tradingIs(TradingMode.ACTIVE);
        awaitTradingState("ACTIVE");
    }

    /** The exit's steps, each as status@price (its end, which has no price, as status alone). */
    private static List<String> steps(List<OrderEvent> events, ExitTrigger trigger) {
        String execution = ExitDesk.executionId(trigger);
        return events.stream().filter(e -> e.clientOrderId().startsWith(execution))
                .map(e -> e.status() + e.price().map(p -> "@" + p).orElse("")).toList();
    }

    private static boolean isEnd(OrderEvent event, ExitTrigger trigger) {
        return event.clientOrderId().startsWith(ExitDesk.executionId(trigger)) && event.price().isEmpty()
                && event.status() != OrderStatus.GIVEN_UP;
    }

    private static List<String> fillsOf(List<Fill> fills, ExitTrigger trigger) {
        return fills.stream().filter(f -> f.positionId().equals(trigger.positionId()))
                .map(f -> f.count() + "@" + f.price()).toList();
    }

    private List<Order> traderOrdersOn(String market) {
        return TestExchange.get().trader().orders(Map.of("ticker", market), Optional.empty(), 100).items().stream()
                .filter(o -> o.clientOrderId() != null && o.clientOrderId().startsWith("exit-")).toList();
    }

    @Test
    void an_exit_on_a_paused_market_waits_for_it_to_trade_again_instead_of_failing() {
        String market = ExitFixtures.market();
        ExitFixtures.traderHoldsYes(market, 10);
        ExitFixtures.makerBidsYes(market, "0.48", 100);
        ExitFixtures.makerOffersYes(market, "0.50", 100);
        TestExchange.get().pause(market);
        ExitTrigger trigger = ExitFixtures.trigger(market, ExitReason.STOP_LOSS, 10, ONE_SECOND);

        kafka.produce(Topics.EXIT_TRIGGERS, trigger.positionId(), trigger);

        try (TopicReader<OrderEvent> orders = kafka.reader(Topics.ORDER_EVENTS)) {
            Awaitility.await("the exit to wait on the paused market").during(Duration.ofSeconds(2))
                    .atMost(Duration.ofSeconds(5)).until(() -> orders.decoded().stream()
                            .noneMatch(e -> e.positionId().equals(trigger.positionId())));
            TestExchange.get().resume(market); // the makers' resting orders go with the pause: they quote again
            ExitFixtures.makerBidsYes(market, "0.48", 100);
            ExitFixtures.makerOffersYes(market, "0.50", 100);

            OrderEvent end = orders.await(e -> isEnd(e, trigger), DEADLINE);
            assertThat(end.status()).isEqualTo(OrderStatus.FILLED);
            assertThat(steps(orders.decoded(), trigger)).doesNotContain("REJECTED@0.4600");
        }
    }

    @Test
    void critical_repeats_market_orders_down_the_book_until_everything_is_sold() {
        String market = ExitFixtures.market();
        ExitFixtures.traderHoldsYes(market, 20);
        ExitFixtures.makerOffersYes(market, "0.50", 100);
        ExitFixtures.makerBidsYes(market, "0.48", 5);
        ExitFixtures.makerBidsYes(market, "0.45", 10);
        ExitFixtures.makerBidsYes(market, "0.30", 100);
        ExitTrigger trigger = ExitFixtures.trigger(market, ExitReason.STOP_LOSS, 20, ONE_SECOND);

        kafka.produce(Topics.EXIT_TRIGGERS, trigger.positionId(), trigger);

        try (TopicReader<OrderEvent> orders = kafka.reader(Topics.ORDER_EVENTS);
                TopicReader<Fill> fills = kafka.reader(Topics.FILLS)) {
            OrderEvent end = orders.await(e -> isEnd(e, trigger), DEADLINE);
            assertThat(end.status()).isEqualTo(OrderStatus.FILLED);
            assertThat(end.filled()).isEqualTo(Contracts.whole(20));
            // floor = bid − spread: 0.48 − 0.02, then 0.45 − 0.05, then 0.30 − 0.20
            assertThat(steps(orders.decoded(), trigger)).containsExactly(
                    "INTENDED@0.4600", "PLACED@0.4600", "CANCELLED@0.4600",
                    "INTENDED@0.4000", "PLACED@0.4000", "CANCELLED@0.4000",
                    "INTENDED@0.1000", "PLACED@0.1000", "FILLED@0.1000", "FILLED");
            assertThat(fills.awaitCount(f -> f.positionId().equals(trigger.positionId()), 3, DEADLINE))
                    .allMatch(f -> f.purpose() == OrderPurpose.EXIT && f.action() == Action.SELL);
            assertThat(fillsOf(fills.decoded(), trigger)).containsExactly("5.00@0.4800", "10.00@0.4500", "5.00@0.3000");
        }
        assertThat(traderOrdersOn(market)).hasSize(3).allMatch(o -> o.clientOrderId().startsWith(
                ExitDesk.executionId(trigger)));
    }

    @Test
    void a_critical_exit_with_nothing_to_sell_into_waits_for_a_bid_alerting_once_then_sells_into_it() {
        String market = ExitFixtures.market();
        ExitFixtures.traderHoldsYes(market, 10); // took the only offer: nobody bids for YES, nobody offers
        ExitTrigger trigger = ExitFixtures.trigger(market, ExitReason.STOP_LOSS, 10, ONE_SECOND);

        try (TopicReader<OrderEvent> orders = kafka.reader(Topics.ORDER_EVENTS);
                TopicReader<Fill> fills = kafka.reader(Topics.FILLS);
                TopicReader<Alert> alerts = kafka.reader(Topics.ALERTS)) {
            kafka.produce(Topics.EXIT_TRIGGERS, trigger.positionId(), trigger);

            Alert waiting = alerts.await(a -> a.positionId().equals(Optional.of(trigger.positionId())), DEADLINE);
            assertThat(waiting.code()).isEqualTo(AlertCode.EXIT_WAITING_FOR_BID);
            assertThat(waiting.severity()).isEqualTo(AlertSeverity.CRITICAL);
            assertThat(waiting.message()).contains("nobody bids for YES on " + market);
            assertThat(orders.decoded()).noneMatch(e -> e.positionId().equals(trigger.positionId()));

            ExitFixtures.makerBidsYes(market, "0.42", 10); // a bid, and still no offer: one-sided
            OrderEvent end = orders.await(e -> isEnd(e, trigger), DEADLINE);
            assertThat(end.status()).isEqualTo(OrderStatus.FILLED);
            assertThat(end.filled()).isEqualTo(Contracts.whole(10));
            fills.await(f -> f.positionId().equals(trigger.positionId()), DEADLINE);
            assertThat(fillsOf(fills.decoded(), trigger)).containsExactly("10.00@0.4200");
            assertThat(alerts.decoded()).filteredOn(a -> a.positionId().equals(Optional.of(trigger.positionId())))
                    .hasSize(1);
        }
    }

    @Test
    void high_sells_what_the_bid_takes_walks_twice_then_goes_to_market() {
        String market = ExitFixtures.market();
        ExitFixtures.traderHoldsYes(market, 20);
        ExitFixtures.makerOffersYes(market, "0.50", 100);
        ExitFixtures.makerBidsYes(market, "0.48", 5);
        ExitFixtures.makerBidsYes(market, "0.40", 100);
        ExitTrigger trigger = ExitFixtures.trigger(market, ExitReason.TRAILING_STOP, 20, ONE_SECOND);

        kafka.produce(Topics.EXIT_TRIGGERS, trigger.positionId(), trigger);

        try (TopicReader<OrderEvent> orders = kafka.reader(Topics.ORDER_EVENTS);
                TopicReader<Fill> fills = kafka.reader(Topics.FILLS)) {
            OrderEvent end = orders.await(e -> isEnd(e, trigger), DEADLINE);
            assertThat(end.status()).isEqualTo(OrderStatus.FILLED);
            // start max(0.48 − 0.01, 0.48 × 0.98) = 0.4704, up to the grid: 0.48 takes the 5 at 0.48;
            // the rest rests, walks 0.48 − 0.01 and 0.47 − 0.02, then the market order at 0.40 − 0.10
            // takes the 0.40 bid
            assertThat(steps(orders.decoded(), trigger)).containsExactly(
                    "INTENDED@0.4800", "PLACED@0.4800", "CANCELLED@0.4800",
                    "WALKED@0.4700", "PLACED@0.4700", "CANCELLED@0.4700",
                    "WALKED@0.4500", "PLACED@0.4500", "CANCELLED@0.4500",
                    "ESCALATED@0.3000", "PLACED@0.3000", "FILLED@0.3000", "FILLED");
            fills.awaitCount(f -> f.positionId().equals(trigger.positionId()), 2, DEADLINE);
            assertThat(fillsOf(fills.decoded(), trigger)).containsExactly("5.00@0.4800", "15.00@0.4000");
        }
    }

    @Test
    void medium_walks_five_times_without_a_fill_then_gives_up_and_raises_an_alert() {
        String market = ExitFixtures.market();
        ExitFixtures.traderHoldsYes(market, 10);
        ExitFixtures.makerOffersYes(market, "0.60", 100);
        ExitFixtures.makerBidsYes(market, "0.20", 100);
        ExitTrigger trigger = ExitFixtures.trigger(market, ExitReason.PROFIT_TARGET, 10, ONE_SECOND);

        kafka.produce(Topics.EXIT_TRIGGERS, trigger.positionId(), trigger);

        try (TopicReader<OrderEvent> orders = kafka.reader(Topics.ORDER_EVENTS);
                TopicReader<Alert> alerts = kafka.reader(Topics.ALERTS)) {
            OrderEvent end = orders.await(e -> isEnd(e, trigger), DEADLINE);
            assertThat(end.status()).isEqualTo(OrderStatus.EXIT_FAILED);
            assertThat(end.ending()).contains(OrderEnding.WALKS_SPENT);
            assertThat(end.filled()).isEqualTo(Contracts.ZERO);
            // (0.20 + 0.60) / 2 = 0.40, then 0.01, 0.02, 0.03, 0.04 and 0.05 lower, never down to the bid
            assertThat(steps(orders.decoded(), trigger)).containsExactly(
                    "INTENDED@0.4000", "PLACED@0.4000", "CANCELLED@0.4000",
                    "WALKED@0.3900", "PLACED@0.3900", "CANCELLED@0.3900",
                    "WALKED@0.3700", "PLACED@0.3700", "CANCELLED@0.3700",
                    "WALKED@0.3400", "PLACED@0.3400", "CANCELLED@0.3400",
                    "WALKED@0.3000", "PLACED@0.3000", "CANCELLED@0.3000",
                    "WALKED@0.2500", "PLACED@0.2500", "CANCELLED@0.2500",
                    "GIVEN_UP", "EXIT_FAILED");
            Alert alert = alerts.await(a -> a.positionId().equals(Optional.of(trigger.positionId())), DEADLINE);
            assertThat(alert.code()).isEqualTo(AlertCode.EXIT_FAILED);
            assertThat(alert.message()).contains("5 walks without selling 10.00");
        }
        assertThat(traderOrdersOn(market)).hasSize(6).noneMatch(Order::isResting);
    }

    @Test
    void low_starts_at_the_ask_and_walks_until_it_meets_the_bid() {
        String market = ExitFixtures.market();
        ExitFixtures.traderHoldsYes(market, 10);
        ExitFixtures.makerOffersYes(market, "0.45", 100);
        ExitFixtures.makerBidsYes(market, "0.40", 100);
        ExitTrigger trigger = ExitFixtures.trigger(market, ExitReason.EDGE_DISAPPEARED, 10, ONE_SECOND);

        kafka.produce(Topics.EXIT_TRIGGERS, trigger.positionId(), trigger);

        try (TopicReader<OrderEvent> orders = kafka.reader(Topics.ORDER_EVENTS);
                TopicReader<Fill> fills = kafka.reader(Topics.FILLS)) {
            OrderEvent end = orders.await(e -> isEnd(e, trigger), DEADLINE);
            assertThat(end.status()).isEqualTo(OrderStatus.FILLED);
            assertThat(steps(orders.decoded(), trigger)).containsExactly(
                    "INTENDED@0.4500", "PLACED@0.4500", "CANCELLED@0.4500",
                    "WALKED@0.4400", "PLACED@0.4400", "CANCELLED@0.4400",
                    "WALKED@0.4200", "PLACED@0.4200", "CANCELLED@0.4200",
                    "WALKED@0.3900", "PLACED@0.3900", "FILLED@0.3900", "FILLED");
            Fill fill = fills.await(f -> f.positionId().equals(trigger.positionId()), DEADLINE);
            assertThat(fill.count()).isEqualTo(Contracts.whole(10));
            assertThat(fill.price()).isEqualTo(Price.parse("0.40"));
            assertThat(fill.eventTicker()).isEqualTo(ExitFixtures.EVENT);
        }
    }

    @Test
    void low_gives_up_after_ten_walks_and_raises_an_alert() {
        String market = ExitFixtures.market();
        ExitFixtures.traderHoldsYes(market, 10);
        ExitFixtures.makerOffersYes(market, "0.70", 100);
        ExitFixtures.makerBidsYes(market, "0.10", 100);
        ExitTrigger trigger = ExitFixtures.trigger(market, ExitReason.EARLY_EXIT, 10, ONE_SECOND);

        kafka.produce(Topics.EXIT_TRIGGERS, trigger.positionId(), trigger);

        try (TopicReader<OrderEvent> orders = kafka.reader(Topics.ORDER_EVENTS);
                TopicReader<Alert> alerts = kafka.reader(Topics.ALERTS)) {
            OrderEvent end = orders.await(e -> isEnd(e, trigger), DEADLINE);
            assertThat(end.status()).isEqualTo(OrderStatus.EXIT_FAILED);
            List<String> placed = steps(orders.decoded(), trigger).stream().filter(s -> s.startsWith("PLACED"))
                    .toList();
            assertThat(placed).containsExactly("PLACED@0.7000", "PLACED@0.6900", "PLACED@0.6700", "PLACED@0.6400",
                    "PLACED@0.6000", "PLACED@0.5500", "PLACED@0.4900", "PLACED@0.4200", "PLACED@0.3400",
                    "PLACED@0.2500", "PLACED@0.1500");
            assertThat(steps(orders.decoded(), trigger)).endsWith("GIVEN_UP", "EXIT_FAILED");
            assertThat(alerts.await(a -> a.positionId().equals(Optional.of(trigger.positionId())), DEADLINE).code())
                    .isEqualTo(AlertCode.EXIT_FAILED);
        }
    }

    @Test
    void a_more_urgent_trigger_takes_over_a_resting_low_exit_at_once() {
        String market = ExitFixtures.market();
        ExitFixtures.traderHoldsYes(market, 10);
        ExitFixtures.makerOffersYes(market, "0.70", 100);
        ExitFixtures.makerBidsYes(market, "0.20", 100);
        ExitTrigger low = ExitFixtures.trigger(market, ExitReason.EDGE_DISAPPEARED, 10, Duration.ofSeconds(60));
        ExitTrigger critical = ExitFixtures.trigger(market, low.positionId(), ExitReason.STOP_LOSS, 10, ONE_SECOND);

        try (TopicReader<OrderEvent> orders = kafka.reader(Topics.ORDER_EVENTS)) {
            kafka.produce(Topics.EXIT_TRIGGERS, low.positionId(), low);
            orders.await(e -> e.clientOrderId().startsWith(ExitDesk.executionId(low))
                    && e.status() == OrderStatus.PLACED, DEADLINE);
            kafka.produce(Topics.EXIT_TRIGGERS, critical.positionId(), critical);

            // the low exit rests for 60 s; the take-over does not wait for that
            OrderEvent lowEnd = orders.await(e -> isEnd(e, low), Duration.ofSeconds(20));
            assertThat(lowEnd.status()).isEqualTo(OrderStatus.CANCELLED);
            assertThat(lowEnd.note().orElseThrow()).startsWith("taken over by a more urgent exit: CRITICAL STOP_LOSS");
            assertThat(lowEnd.ending()).contains(OrderEnding.TAKEN_OVER);
            assertThat(steps(orders.decoded(), low)).containsExactly(
                    "INTENDED@0.7000", "PLACED@0.7000", "CANCELLED@0.7000", "CANCELLED");
            OrderEvent criticalEnd = orders.await(e -> isEnd(e, critical), Duration.ofSeconds(20));
            assertThat(criticalEnd.status()).isEqualTo(OrderStatus.FILLED);
            // 0.20 − 0.50 is under a cent: the floor is 0.01, and the sale takes the 0.20 bid
            assertThat(steps(orders.decoded(), critical)).containsExactly(
                    "INTENDED@0.0100", "PLACED@0.0100", "FILLED@0.0100", "FILLED");
        }
        assertThat(traderOrdersOn(market)).hasSize(2).noneMatch(Order::isResting);
    }

    @Test
    void nothing_is_sent_while_trading_is_halted_and_the_exit_goes_on_when_only_entries_are_paused() {
        String market = ExitFixtures.market();
        ExitFixtures.traderHoldsYes(market, 10);
        ExitFixtures.makerOffersYes(market, "0.50", 100);
        ExitFixtures.makerBidsYes(market, "0.48", 100);
        ExitFixtures.tradingIs(TradingMode.HALTED);
        awaitTradingState("HALTED");
        ExitTrigger trigger = ExitFixtures.trigger(market, ExitReason.STOP_LOSS, 10, ONE_SECOND);

        try (TopicReader<OrderEvent> orders = kafka.reader(Topics.ORDER_EVENTS)) {
            kafka.produce(Topics.EXIT_TRIGGERS, trigger.positionId(), trigger);
            Awaitility.await("the exit to be in the ledger").atMost(DEADLINE).pollInterval(Duration.ofMillis(100))
                    .until(() -> given().get("/exits/" + trigger.positionId()).statusCode() == 200);
            assertThat(traderOrdersOn(market)).isEmpty();

            ExitFixtures.tradingIs(TradingMode.REDUCE_ONLY);
            OrderEvent end = orders.await(e -> isEnd(e, trigger), DEADLINE);
            assertThat(end.status()).isEqualTo(OrderStatus.FILLED);
            assertThat(steps(orders.decoded(), trigger)).containsExactly(
                    "INTENDED@0.4600", "PLACED@0.4600", "FILLED@0.4600", "FILLED");
        }
        given().get("/exits/" + trigger.positionId()).then().statusCode(200)
                .body("[0].status", org.hamcrest.Matchers.equalTo("DONE"))
                .body("[0].attempts.size()", org.hamcrest.Matchers.equalTo(1));
    }

    @Test
    void a_malformed_trigger_is_dead_lettered_and_the_next_one_is_executed() {
        String market = ExitFixtures.market();
        ExitFixtures.traderHoldsYes(market, 10);
        ExitFixtures.makerOffersYes(market, "0.50", 100);
        ExitFixtures.makerBidsYes(market, "0.48", 100);
        kafka.produceRaw(Topics.EXIT_TRIGGERS.name(), "pos-bad", "{\"type\":\"ExitTrigger\"}"
                .getBytes(StandardCharsets.UTF_8));
        ExitTrigger next = ExitFixtures.trigger(market, ExitReason.STOP_LOSS, 10, ONE_SECOND);
        kafka.produce(Topics.EXIT_TRIGGERS, next.positionId(), next);

        try (TopicReader<DeadLetter> letters = kafka.reader(Topics.deadLetterOf(Topics.EXIT_TRIGGERS));
                TopicReader<OrderEvent> orders = kafka.reader(Topics.ORDER_EVENTS)) {
            DeadLetter letter = letters.await(l -> l.key().equals(Optional.of("pos-bad")), DEADLINE);
            assertThat(letter.failure()).isEqualTo(DecodeFailure.UNSUPPORTED_SCHEMA_VERSION);
            assertThat(letter.consumer()).isEqualTo("exit-service");
            assertThat(orders.await(e -> isEnd(e, next), DEADLINE).status()).isEqualTo(OrderStatus.FILLED);
        }
        given().get("/exits/pos-unknown").then().statusCode(404);
    }

    @Test
    void a_trigger_whose_transaction_was_aborted_is_never_acted_on() throws Exception {
        String market = ExitFixtures.market();
        ExitFixtures.traderHoldsYes(market, 10);
        ExitFixtures.makerOffersYes(market, "0.50", 100);
        ExitFixtures.makerBidsYes(market, "0.48", 100);
        ExitTrigger aborted = ExitFixtures.trigger(market, ExitReason.STOP_LOSS, 10, ONE_SECOND);
        ExitTrigger committed = ExitFixtures.trigger(market, ExitReason.STOP_LOSS, 10, ONE_SECOND);
        java.util.Map<String, Object> config = new java.util.HashMap<>(kafka.adminSettings());
        config.put("transactional.id", "test-aborts-" + aborted.positionId());
        // as the monitor's stream would if its transaction failed after it wrote the trigger
        try (org.apache.kafka.clients.producer.KafkaProducer<String, byte[]> producer =
                new org.apache.kafka.clients.producer.KafkaProducer<>(config,
                        new org.apache.kafka.common.serialization.StringSerializer(),
                        new org.apache.kafka.common.serialization.ByteArraySerializer())) {
            producer.initTransactions();
            producer.beginTransaction();
            producer.send(new org.apache.kafka.clients.producer.ProducerRecord<>(Topics.EXIT_TRIGGERS.name(),
                    aborted.positionId(), Topics.EXIT_TRIGGERS.codec().encode(aborted))).get();
            producer.abortTransaction();
        }
        kafka.produce(Topics.EXIT_TRIGGERS, committed.positionId(), committed);

        try (TopicReader<OrderEvent> orders = kafka.reader(Topics.ORDER_EVENTS)) {
            assertThat(orders.await(e -> isEnd(e, committed), DEADLINE).status()).isEqualTo(OrderStatus.FILLED);
        }
        given().get("/exits/" + aborted.positionId()).then().statusCode(404);
    }

    private static void awaitTradingState(String mode) {
        Awaitility.await("exit-service to see trading " + mode).atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> given().when().get("/trading-state").then().extract().asString().contains("\"" + mode + "\""));
    }
}
