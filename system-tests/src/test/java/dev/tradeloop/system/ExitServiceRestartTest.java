package dev.tradeloop.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradeloop.events.Action;
import dev.tradeloop.events.ExecutionStrategy;
import dev.tradeloop.events.ExitExecution;
import dev.tradeloop.events.ExitReason;
import dev.tradeloop.events.ExitTrigger;
import dev.tradeloop.events.Fill;
import dev.tradeloop.events.MethodRef;
import dev.tradeloop.events.OrderEvent;
import dev.tradeloop.events.OrderStatus;
import dev.tradeloop.events.Side;
import dev.tradeloop.events.Topics;
import dev.tradeloop.events.money.Contracts;
import dev.tradeloop.events.money.Price;
import dev.tradeloop.exchange.model.NewOrder;
import dev.tradeloop.exchange.model.Order;
import dev.tradeloop.testkit.ServiceProcess;
import dev.tradeloop.testkit.TestExchange;
import dev.tradeloop.testkit.TestKafka;
import dev.tradeloop.testkit.TopicReader;
import dev.tradeloop.testkit.TradeloopInfrastructure;
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
 * exit-service killed (SIGKILL) in the middle of an escalation, at the worst moment: its first walk
 * reached the exchange but the answer never came back. Started again, it finds that order by its
 * client order id instead of sending it again, and the exit walks on to its fill: every attempt is
 * on the simulator exactly once, and the fill is published once.
 */
@ExtendWith(TradeloopInfrastructure.class)
class ExitServiceRestartTest {

    private static final Duration DEADLINE = Duration.ofSeconds(60);

    @Test
    void killed_during_an_escalation_it_resumes_and_completes_the_exit_without_a_duplicate_order() {
        TestExchange exchange = TestExchange.get();
        TestKafka kafka = TestKafka.get();
        String market = "KXEXITKILL-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        exchange.listMarket(market, "KXEXITKILL", Instant.now().plus(2, ChronoUnit.HOURS));
        // the trader holds 10 YES; the book is 0.40 bid / 0.45 ask
        exchange.maker().createOrder(NewOrder.of(market, Side.NO, Action.BUY, Contracts.whole(110),
                Price.parse("0.55"), NewOrder.GOOD_TILL_CANCELED, "maker-ask-" + market));
        exchange.trader().createOrder(NewOrder.of(market, Side.YES, Action.BUY, Contracts.whole(10),
                Price.parse("0.45"), NewOrder.IMMEDIATE_OR_CANCEL, "setup-" + market));
        exchange.maker().createOrder(NewOrder.of(market, Side.YES, Action.BUY, Contracts.whole(100),
                Price.parse("0.40"), NewOrder.GOOD_TILL_CANCELED, "maker-bid-" + market));
        Stack.publishActiveState();
        String position = "pos-" + UUID.randomUUID();
        ExitTrigger trigger = new ExitTrigger(UUID.randomUUID(), Instant.now(), "kill-" + position, position, market,
                "KXEXITKILL", Side.YES, ExitReason.EDGE_DISAPPEARED, ExitReason.EDGE_DISAPPEARED.priority(),
                Contracts.whole(10), Optional.empty(), List.of(), Price.parse("0.40"), Price.parse("0.40"),
                Price.parse("0.45"), new ExitExecution(ExecutionStrategy.WALK_SLOWLY, Duration.ofSeconds(2), 10, false),
                new MethodRef("kelly-quarter", 1));
        String execution = "exit-" + trigger.eventId();

        Stack stack = new Stack("exit_restart");
        try (TopicReader<OrderEvent> orders = kafka.reader(Topics.ORDER_EVENTS);
                TopicReader<Fill> fills = kafka.reader(Topics.FILLS)) {
            try (ServiceProcess first = stack.start("exit-service")) {
                kafka.produce(Topics.EXIT_TRIGGERS, position, trigger);
                orders.await(e -> e.clientOrderId().equals(execution + "-1") && e.status() == OrderStatus.PLACED,
                        DEADLINE);
                // the exchange will carry out the next order (the first walk) but hold its answer for 20 s
                exchange.armFault("{\"kind\":\"RESPONSE_LOST\",\"operation\":\"create\",\"count\":1,\"delay_ms\":20000}");
                Awaitility.await("the first walk to reach the exchange").atMost(DEADLINE)
                        .pollInterval(Duration.ofMillis(100))
                        .until(() -> exchange.trader().findByClientOrderId(market, execution + "-2").isPresent());
                first.kill();
            }

            try (ServiceProcess second = stack.start("exit-service")) {
                OrderEvent end = orders.await(e -> e.clientOrderId().startsWith(execution) && e.price().isEmpty(),
                        DEADLINE);
                assertThat(end.status()).isEqualTo(OrderStatus.FILLED);
                OrderEvent found = orders.await(e -> e.clientOrderId().equals(execution + "-2")
                        && e.status() == OrderStatus.PLACED, DEADLINE);
                assertThat(found.note()).contains("found on the exchange by its client order id");
            }
            // 0.45 (the ask), then walks to 0.44, 0.42 and 0.39, which meets the 0.40 bid
            List<Order> onExchange = exchange.trader().orders(Map.of("ticker", market), Optional.empty(), 100).items()
                    .stream().filter(o -> o.clientOrderId().startsWith(execution)).toList();
            assertThat(onExchange).extracting(Order::clientOrderId).containsExactlyInAnyOrder(
                    execution + "-1", execution + "-2", execution + "-3", execution + "-4");
            assertThat(onExchange).extracting(o -> o.yesPriceDollars().toString()).containsExactlyInAnyOrder(
                    "0.4500", "0.4400", "0.4200", "0.3900");
            List<Fill> published = fills.awaitCount(f -> f.positionId().equals(position), 1, DEADLINE);
            assertThat(fills.decoded().stream().filter(f -> f.positionId().equals(position))
                    .map(Fill::eventId).distinct()).hasSize(1);
            assertThat(published.get(0).count()).isEqualTo(Contracts.whole(10));
            assertThat(published.get(0).price()).isEqualTo(Price.parse("0.40"));
        }
    }
}
