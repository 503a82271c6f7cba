package dev.tradeloop.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradeloop.events.Action;
import dev.tradeloop.events.ApprovedTrade;
import dev.tradeloop.events.EntryPlan;
import dev.tradeloop.events.ExecutionStrategy;
import dev.tradeloop.events.Fill;
import dev.tradeloop.events.MethodRef;
import dev.tradeloop.events.OrderEvent;
import dev.tradeloop.events.OrderStatus;
import dev.tradeloop.events.Side;
import dev.tradeloop.events.Topics;
import dev.tradeloop.events.money.Contracts;
import dev.tradeloop.events.money.Money;
import dev.tradeloop.events.money.Price;
import dev.tradeloop.exchange.model.NewOrder;
import dev.tradeloop.exchange.model.Order;
import dev.tradeloop.testkit.ServiceProcess;
import dev.tradeloop.testkit.TestExchange;
import dev.tradeloop.testkit.TestKafka;
import dev.tradeloop.testkit.TopicReader;
import dev.tradeloop.testkit.TradeloopInfrastructure;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * order-service is killed (SIGKILL) after it wrote its order to the ledger and sent it, before the
 * exchange's answer came back. Restarted, it finds the order on the exchange by its client order id
 * instead of sending it again: exactly one order on the simulator, its fill published once.
 */
@ExtendWith(TradeloopInfrastructure.class)
class NoOrderSentTwiceTest {

    private static final Duration DEADLINE = Duration.ofSeconds(60);

    @Test
    void killed_between_the_intent_and_the_answer_it_resumes_without_a_second_order() {
        TestExchange exchange = TestExchange.get();
        TestKafka kafka = TestKafka.get();
        String market = "KXKILL-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        exchange.listMarket(market, "KXKILL", Instant.now().plus(2, ChronoUnit.HOURS));
        exchange.maker().createOrder(NewOrder.of(market, Side.NO, Action.BUY, Contracts.whole(100),
                Price.parse("0.52"), NewOrder.GOOD_TILL_CANCELED, "maker-" + market));
        Stack.publishActiveState();
        String position = "pos-" + UUID.randomUUID();
        ApprovedTrade trade = new ApprovedTrade(UUID.randomUUID(), Instant.now(), "kill-" + position, position,
                market, "KXKILL", Side.YES, Contracts.whole(40), Money.parse("19.20"), new BigDecimal("0.8"),
                new EntryPlan(ExecutionStrategy.LIMIT_THEN_WALK, Price.parse("0.48"), Price.parse("0.50"),
                        Price.parse("0.01"), Duration.ofSeconds(30)),
                new MethodRef("kelly-quarter", 1), UUID.randomUUID());
        String clientOrderId = position + "-1";

        Stack stack = new Stack("no_order_twice");
        try (TopicReader<OrderEvent> orders = kafka.reader(Topics.ORDER_EVENTS);
                TopicReader<Fill> fills = kafka.reader(Topics.FILLS)) {
            try (ServiceProcess first = stack.start("order-service")) {
                // the exchange will carry out the next order but hold its answer for 20 s
                exchange.armFault("{\"kind\":\"RESPONSE_LOST\",\"operation\":\"create\",\"count\":1,\"delay_ms\":20000}");
                kafka.produce(Topics.APPROVED_TRADES, position, trade);
                Awaitility.await("the order to reach the exchange").atMost(DEADLINE).pollInterval(Duration.ofMillis(100))
                        .until(() -> exchange.trader().findByClientOrderId(market, clientOrderId).isPresent());
                first.kill();
            }
            // the intent was published before the order was sent; no answer was recorded
            assertThat(orders.awaitCount(e -> e.positionId().equals(position), 1, DEADLINE))
                    .extracting(OrderEvent::status).containsExactly(OrderStatus.INTENDED);

            try (ServiceProcess second = stack.start("order-service")) {
                OrderEvent end = orders.await(e -> e.positionId().equals(position) && e.price().isEmpty(), DEADLINE);
                assertThat(end.status()).isEqualTo(OrderStatus.FILLED);
                OrderEvent found = orders.await(e -> e.positionId().equals(position) && e.status() == OrderStatus.PLACED,
                        DEADLINE);
                assertThat(found.note()).contains("found on the exchange by its client order id");
            }
            List<Order> onExchange = exchange.trader().orders(Map.of("ticker", market), Optional.empty(), 100).items();
            assertThat(onExchange).extracting(Order::clientOrderId).containsExactly(clientOrderId);
            List<Fill> published = fills.awaitCount(f -> f.positionId().equals(position), 1, DEADLINE);
            assertThat(published).hasSize(1);
            assertThat(published.get(0).count()).isEqualTo(Contracts.whole(40));
        }
    }
}
