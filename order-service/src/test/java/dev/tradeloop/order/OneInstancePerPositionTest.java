package dev.tradeloop.order;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradeloop.events.ApprovedTrade;
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
 * A position's entry is worked by one instance of order-service at a time. The test holds the
 * position's claim, as another instance working it would: this instance records the approval and
 * sends nothing; once the claim is let go (that instance stopped or died), this one resumes the
 * entry within a second and sends its order once.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
@WithTestResource(ExchangeTestResource.class)
class OneInstancePerPositionTest {

    private static final Duration DEADLINE = Duration.ofSeconds(45);

    @Inject
    OrderLedger ledger;

    @Test
    void an_entry_waits_while_another_instance_holds_its_position_then_is_resumed_here_once() throws Exception {
        OrderFixtures.tradingIs(TradingMode.ACTIVE);
        String market = OrderFixtures.market();
        OrderFixtures.offerYes(market, "0.57", 100);
        ApprovedTrade trade = OrderFixtures.approved(market, 20, "0.57", "0.59", Duration.ofSeconds(5));
        TestKafka kafka = TestKafka.get();

        try (TopicReader<OrderEvent> orders = kafka.reader(Topics.ORDER_EVENTS);
                TopicReader<Fill> fills = kafka.reader(Topics.FILLS)) {
            try (Claim elsewhere = ledger.claim(OrderPurpose.ENTRY, trade.positionId()).orElseThrow()) {
                kafka.produce(Topics.APPROVED_TRADES, trade.positionId(), trade);
                Awaitility.await("the approval to be in the ledger").atMost(DEADLINE)
                        .until(() -> ledger.isActive(trade.positionId()));
                assertThat(ledger.unclaimed(OrderPurpose.ENTRY)).extracting(Execution::executionId)
                        .doesNotContain(trade.positionId());
                Awaitility.await("nothing to be sent while the position is claimed elsewhere")
                        .during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(4))
                        .until(() -> ordersOn(market).isEmpty() && ledger.isActive(trade.positionId()));
            }

            OrderEvent end = orders.await(e -> e.positionId().equals(trade.positionId()) && e.price().isEmpty(),
                    DEADLINE);
            assertThat(end.status()).isEqualTo(OrderStatus.FILLED);
            assertThat(ordersOn(market)).extracting(Order::clientOrderId).containsExactly(trade.positionId() + "-1");
            Fill fill = fills.await(f -> f.positionId().equals(trade.positionId()), DEADLINE);
            assertThat(fill.count()).isEqualTo(Contracts.whole(20));
            assertThat(ledger.isActive(trade.positionId())).isFalse();
        }
    }

    private static List<Order> ordersOn(String market) {
        return TestExchange.get().trader().orders(Map.of("ticker", market), Optional.empty(), 100).items();
    }
}
