package dev.tradeloop.exit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradeloop.events.ExitReason;
import dev.tradeloop.events.ExitTrigger;
import dev.tradeloop.events.Fill;
import dev.tradeloop.events.OrderEvent;
import dev.tradeloop.events.OrderPurpose;
import dev.tradeloop.events.OrderStatus;
import dev.tradeloop.events.Topics;
import dev.tradeloop.events.TradingMode;
import dev.tradeloop.events.money.Contracts;
import dev.tradeloop.exchange.model.Order;
import dev.tradeloop.ledger.Claim;
import dev.tradeloop.ledger.Execution;
import dev.tradeloop.ledger.OrderLedger;
import dev.tradeloop.testkit.ExchangeTestResource;
import dev.tradeloop.testkit.KafkaTestResource;
import dev.tradeloop.testkit.PostgresTestResource;
import dev.tradeloop.testkit.TestExchange;
import dev.tradeloop.testkit.TestKafka;
import dev.tradeloop.testkit.TopicReader;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * A position's exit is worked by one instance of exit-service at a time. Here the test holds the
 * position's claim, as another instance working it would (a lock of its own PostgreSQL session):
 * this instance records the trigger and sends nothing; once the claim is let go (that instance
 * finished, stopped or died), this one resumes the exit within a second and carries it out once.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
@WithTestResource(ExchangeTestResource.class)
class OneInstancePerPositionTest {

    private static final Duration DEADLINE = Duration.ofSeconds(60);

    @Inject
    OrderLedger ledger;

    @Test
    void an_exit_waits_while_another_instance_holds_its_position_then_is_resumed_here_once()
            throws Exception {
        ExitFixtures.tradingIs(TradingMode.ACTIVE);
        String market = ExitFixtures.market();
        ExitFixtures.traderHoldsYes(market, 10);
        ExitFixtures.makerOffersYes(market, "0.45", 100);
        ExitFixtures.makerBidsYes(market, "0.40", 100);
        ExitTrigger trigger = ExitFixtures.trigger(market, ExitReason.STOP_LOSS, 10, Duration.ofSeconds(1));
        String execution = ExitDesk.executionId(trigger);
        TestKafka kafka = TestKafka.get();

        try (TopicReader<OrderEvent> orders = kafka.reader(Topics.ORDER_EVENTS);
                TopicReader<Fill> fills = kafka.reader(Topics.FILLS)) {
            try (Claim elsewhere = ledger.claim(OrderPurpose.EXIT, trigger.positionId()).orElseThrow()) {
                assertThat(ledger.claim(OrderPurpose.EXIT, trigger.positionId())).isEmpty();
                kafka.produce(Topics.EXIT_TRIGGERS, trigger.positionId(), trigger);
                Awaitility.await("the trigger to be in the ledger").atMost(DEADLINE)
                        .until(() -> ledger.isActive(execution));
                assertThat(ledger.unclaimed(OrderPurpose.EXIT)).extracting(Execution::executionId)
                        .doesNotContain(execution);
                Awaitility.await("nothing to be sent while the position is claimed elsewhere")
                        .during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(4))
                        .until(() -> exitOrdersOn(market).isEmpty() && ledger.isActive(execution));
            }

            OrderEvent end = orders.await(e -> e.clientOrderId().startsWith(execution) && e.price().isEmpty(),
                    DEADLINE);
            assertThat(end.status()).isEqualTo(OrderStatus.FILLED);
            assertThat(exitOrdersOn(market)).extracting(Order::clientOrderId).containsExactly(execution + "-1");
            Fill fill = fills.await(f -> f.positionId().equals(trigger.positionId()), DEADLINE);
            assertThat(fill.count()).isEqualTo(Contracts.whole(10));
            assertThat(ledger.isActive(execution)).isFalse();
            assertThat(ledger.unclaimed(OrderPurpose.EXIT)).extracting(Execution::executionId)
                    .doesNotContain(execution);
        }
    }

    private static List<Order> exitOrdersOn(String market) {
        return TestExchange.get().trader().orders(Map.of("ticker", market), Optional.empty(), 100).items().stream()
                .filter(o -> o.clientOrderId() != null && o.clientOrderId().startsWith("exit-")).toList();
    }
}
