package dev.tradeloop.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradeloop.events.Action;
import dev.tradeloop.events.ApprovedTrade;
import dev.tradeloop.events.Edge;
import dev.tradeloop.events.Fill;
import dev.tradeloop.events.OrderEvent;
import dev.tradeloop.events.OrderStatus;
import dev.tradeloop.events.RiskDecision;
import dev.tradeloop.events.RiskOutcome;
import dev.tradeloop.events.RiskReason;
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
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The entry flow across processes, on a real broker, a real PostgreSQL and the simulator: a model's
 * prediction (through edge-service's REST intake) becomes an edge, the edge an approval sized by
 * quarter Kelly, the approval an order on the simulator, the order a fill; a second prediction on
 * the held market is rejected by the risk gate and nothing more reaches the exchange.
 */
@ExtendWith(TradeloopInfrastructure.class)
class EntryFlowEndToEndTest {

    private static final Duration DEADLINE = Duration.ofSeconds(60);

    @Test
    void a_prediction_becomes_an_edge_an_approval_of_the_kelly_size_an_order_and_a_fill() throws IOException {
        TestExchange exchange = TestExchange.get();
        TestKafka kafka = TestKafka.get();
        // an event of its own: other tests on this broker leave positions in the risk portfolio
        String event = "KXE2E" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String market = event + "-A";
        exchange.listMarket(market, event, Instant.now().plus(3, ChronoUnit.HOURS));
        // a book of YES 0.55 / 0.57, deep enough for the whole entry, and 100 contracts of volume
        exchange.maker().createOrder(NewOrder.of(market, Side.YES, Action.BUY, Contracts.whole(3000),
                Price.parse("0.55"), NewOrder.GOOD_TILL_CANCELED, "maker-bid-" + market));
        exchange.maker().createOrder(NewOrder.of(market, Side.NO, Action.BUY, Contracts.whole(3100),
                Price.parse("0.43"), NewOrder.GOOD_TILL_CANCELED, "maker-ask-" + market));
        exchange.other().createOrder(NewOrder.of(market, Side.YES, Action.BUY, Contracts.whole(100),
                Price.parse("0.57"), NewOrder.IMMEDIATE_OR_CANCEL, "other-" + market));
        // the bankroll is the cash of the market's shard (0 here), not the account's over every shard
        BigDecimal bankroll = exchange.trader().balance().onShard(0).toBigDecimal();

        Stack stack = new Stack("entry_flow");
        try (ServiceProcess risk = stack.start("risk-service");
                ServiceProcess order = stack.start("order-service");
                ServiceProcess edge = stack.start("edge-service");
                TopicReader<Edge> edges = kafka.reader(Topics.EDGES);
                TopicReader<ApprovedTrade> approvals = kafka.reader(Topics.APPROVED_TRADES);
                TopicReader<RiskDecision> decisions = kafka.reader(Topics.RISK_DECISIONS);
                TopicReader<OrderEvent> orders = kafka.reader(Topics.ORDER_EVENTS);
                TopicReader<Fill> fills = kafka.reader(Topics.FILLS)) {

            // When a model says YES is 64 % likely, with confidence 0.80,
            awaitPredictionAccepted(edge, market, "0.64");

            // then edge-service sees buying YES at the 0.57 ask is worth 0.64 − 0.57 − 0.0172 = 0.0528,
            Edge found = edges.await(e -> e.marketTicker().equals(market), DEADLINE);
            assertThat(found.side()).isEqualTo(Side.YES);
            assertThat(found.ask()).isEqualTo(Price.parse("0.57"));
            assertThat(found.edge()).isEqualByComparingTo("0.0528");

            // risk-service approves quarter Kelly of the bankroll: f* = (0.64 − 0.57) / 0.43,
            // stake = 0.25 × f* × bankroll (to the micro-dollar, down), contracts = floor(stake / 0.57),
            BigDecimal fullKelly = new BigDecimal("0.07").divide(new BigDecimal("0.43"), 20, RoundingMode.HALF_EVEN);
            BigDecimal stake = new BigDecimal("0.25").multiply(fullKelly).multiply(bankroll)
                    .min(new BigDecimal("1000")).setScale(6, RoundingMode.DOWN);
            long contracts = stake.divide(new BigDecimal("0.57"), 0, RoundingMode.FLOOR).longValueExact();
            ApprovedTrade approved = approvals.await(t -> t.marketTicker().equals(market), DEADLINE);
            assertThat(approved.contracts()).isEqualTo(Contracts.whole(contracts));
            assertThat(approved.stake().toBigDecimal()).isEqualByComparingTo(stake);
            assertThat(approved.correlationId()).isEqualTo(found.correlationId());

            // order-service buys them on the simulator at 0.57, and the fill is published.
            OrderEvent end = orders.await(e -> e.positionId().equals(approved.positionId()) && e.price().isEmpty(),
                    DEADLINE);
            assertThat(end.status()).isEqualTo(OrderStatus.FILLED);
            List<Fill> filled = fills.awaitCount(f -> f.positionId().equals(approved.positionId()), 1, DEADLINE);
            assertThat(filled.get(0).count()).isEqualTo(Contracts.whole(contracts));
            assertThat(filled.get(0).price()).isEqualTo(Price.parse("0.57"));
            assertThat(filled.get(0).correlationId()).isEqualTo(found.correlationId());
            List<Order> onExchange = exchange.trader().orders(Map.of("ticker", market), Optional.empty(), 100).items();
            assertThat(onExchange).extracting(Order::clientOrderId).containsExactly(approved.positionId() + "-1");

            // A second prediction on the market now held is an edge the risk gate rejects: nothing is sent.
            risk.awaitGet("/risk/portfolio", answer -> answer.body().contains("\"" + event + "\":"), DEADLINE);
            awaitPredictionAccepted(edge, market, "0.70");
            RiskDecision rejected = decisions.await(d -> d.marketTicker().equals(market)
                    && d.outcome() == RiskOutcome.REJECTED, DEADLINE);
            assertThat(rejected.reasons()).containsExactly(RiskReason.POSITION_ALREADY_OPEN);
            assertThat(exchange.trader().orders(Map.of("ticker", market), Optional.empty(), 100).items()).hasSize(1);
        }
    }

    private static void awaitPredictionAccepted(ServiceProcess edge, String market, String probability)
            throws IOException {
        String body = "{\"marketTicker\":\"" + market + "\",\"probabilityYes\":\"" + probability
                + "\",\"confidence\":\"0.80\",\"modelId\":\"e2e\",\"modelVersion\":\"1\"}";
        assertThat(edge.post("/predictions", body, Stack.asModel("e2e")).statusCode()).isEqualTo(202);
    }
}
