package dev.tradeloop.order;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradeloop.events.Action;
import dev.tradeloop.events.Alert;
import dev.tradeloop.events.AlertCode;
import dev.tradeloop.events.AlertSeverity;
import dev.tradeloop.events.ApprovedTrade;
import dev.tradeloop.events.Fill;
import dev.tradeloop.events.OrderPurpose;
import dev.tradeloop.events.Side;
import dev.tradeloop.events.Topics;
import dev.tradeloop.events.money.Contracts;
import dev.tradeloop.events.money.Price;
import dev.tradeloop.exchange.model.NewOrder;
import dev.tradeloop.exchange.model.Order;
import dev.tradeloop.ledger.Attempt;
import dev.tradeloop.ledger.AttemptStatus;
import dev.tradeloop.ledger.Claim;
import dev.tradeloop.ledger.Execution;
import dev.tradeloop.ledger.LedgerReconciliation;
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
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The entries' ledger reconciled with the simulator: each kind of mismatch it can repair is made on
 * the exchange, behind the ledger's back, and found and repaired.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
@WithTestResource(ExchangeTestResource.class)
class ReconciliationTest {

    private static final Duration DEADLINE = Duration.ofSeconds(45);
    private final TestKafka kafka = TestKafka.get();

    @Inject
    OrderLedger ledger;

    @Inject
    LedgerReconciliation reconciliation;

    /** One run by this test (the schedule's own run may hold the ledger's reconciliation for a moment). */
    private LedgerReconciliation.Result runOnce() {
        return org.awaitility.Awaitility.await("the ledger's reconciliation to be free").atMost(DEADLINE)
                .until(() -> reconciliation.run(), Optional::isPresent).orElseThrow();
    }

    private static List<Order> traderOrdersOn(String market) {
        return TestExchange.get().trader().orders(Map.of("ticker", market), Optional.empty(), 100).items();
    }

    @Test
    void a_fill_the_ledger_missed_after_its_attempt_ended_is_recorded_and_published_once() throws Exception {
        String market = OrderFixtures.market();
        OrderFixtures.offerYes(market, "0.57", 10);
        ApprovedTrade trade = OrderFixtures.approved(market, 10, "0.57", "0.59", Duration.ofSeconds(1));
        String clientOrderId = trade.positionId() + "-1";
        try (Claim working = ledger.claim(OrderPurpose.ENTRY, trade.positionId()).orElseThrow()) {
            ledger.open(new Execution(trade.positionId(), trade.positionId(), OrderPurpose.ENTRY,
                    new String(Topics.APPROVED_TRADES.codec().encode(trade), StandardCharsets.UTF_8)));
            ledger.intend(Attempt.intended(trade.positionId(), 1, market, Side.YES, Action.BUY, Price.parse("0.57"),
                    Contracts.whole(10), NewOrder.IMMEDIATE_OR_CANCEL), List.of());
            // the order went out and filled, but its answer never reached the ledger, which ended the entry empty
            TestExchange.get().trader().createOrder(NewOrder.of(market, Side.YES, Action.BUY, Contracts.whole(10),
                    Price.parse("0.57"), NewOrder.IMMEDIATE_OR_CANCEL, clientOrderId));
            ledger.ended(clientOrderId, AttemptStatus.ENDED, Contracts.ZERO, List.of());
            ledger.finish(trade.positionId(), List.of());
        }

        try (TopicReader<Fill> fills = kafka.reader(Topics.FILLS);
                TopicReader<Alert> alerts = kafka.reader(Topics.ALERTS)) {
            runOnce();

            Fill found = fills.await(f -> f.positionId().equals(trade.positionId()), DEADLINE);
            assertThat(found.clientOrderId()).isEqualTo(clientOrderId);
            assertThat(found.count()).isEqualTo(Contracts.whole(10));
            assertThat(found.price()).isEqualTo(Price.parse("0.57"));
            assertThat(found.purpose()).isEqualTo(OrderPurpose.ENTRY);
            assertThat(found.correlationId()).isEqualTo(trade.correlationId());
            Alert said = alerts.await(a -> a.positionId().equals(Optional.of(trade.positionId())), DEADLINE);
            assertThat(said.code()).isEqualTo(AlertCode.RECONCILIATION_MISMATCH);
            assertThat(said.message()).contains("was on the exchange but not in the entry ledger");

            LedgerReconciliation.Result again = runOnce();
            assertThat(again.fillsRecorded()).isZero();
            assertThat(ledger.filledBy(clientOrderId)).isEqualTo(Contracts.whole(10));
        }
    }

    @Test
    void a_person_reads_the_last_reconciliation_in_a_sentence() {
        String said = org.awaitility.Awaitility.await("a first reconciliation to end").atMost(DEADLINE)
                .until(() -> io.restassured.RestAssured.given().accept("text/plain").get("/reconciliation").then()
                        .extract(), answer -> answer.statusCode() == 200).asString();
        assertThat(said).startsWith("the entry ledger, reconciled at ").contains(" fills read, ")
                .contains(" orders resting, ").endsWith(" resting that are no ledger's\n");
    }

    @Test
    void an_entry_order_resting_that_the_ledger_is_not_working_is_cancelled_with_an_alert() throws Exception {
        String market = OrderFixtures.market();
        String orphan = "pos-" + UUID.randomUUID() + "-1";
        TestExchange.get().trader().createOrder(NewOrder.of(market, Side.YES, Action.BUY, Contracts.whole(5),
                Price.parse("0.30"), NewOrder.GOOD_TILL_CANCELED, orphan));

        try (TopicReader<Alert> alerts = kafka.reader(Topics.ALERTS)) {
            runOnce();

            Alert said = alerts.await(a -> a.message().contains(orphan), DEADLINE);
            assertThat(said.code()).isEqualTo(AlertCode.RECONCILIATION_MISMATCH);
            assertThat(said.severity()).isEqualTo(AlertSeverity.WARNING);
            assertThat(said.message()).endsWith("but the entry ledger is not working it: cancelled");
        }
        assertThat(traderOrdersOn(market)).singleElement().satisfies(order -> {
            assertThat(order.clientOrderId()).isEqualTo(orphan);
            assertThat(order.isResting()).isFalse();
        });
    }

    @Test
    void an_order_resting_that_is_no_ledgers_is_cancelled_with_a_critical_alert() throws Exception {
        String market = OrderFixtures.market();
        String byHand = "by-hand-" + UUID.randomUUID();
        TestExchange.get().trader().createOrder(NewOrder.of(market, Side.YES, Action.BUY, Contracts.whole(5),
                Price.parse("0.30"), NewOrder.GOOD_TILL_CANCELED, byHand));

        try (TopicReader<Alert> alerts = kafka.reader(Topics.ALERTS)) {
            runOnce();

            Alert said = alerts.await(a -> a.message().contains(byHand), DEADLINE);
            assertThat(said.severity()).isEqualTo(AlertSeverity.CRITICAL);
            assertThat(said.message()).contains("is no ledger's: the account is traded by someone else")
                    .endsWith(": cancelled");
        }
        assertThat(traderOrdersOn(market)).singleElement().satisfies(order -> assertThat(order.isResting()).isFalse());
    }
}
