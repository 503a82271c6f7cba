package dev.tradeloop.risk;

import dev.tradeloop.events.Action;
import dev.tradeloop.events.ApprovedTrade;
import dev.tradeloop.events.BalanceReported;
import dev.tradeloop.events.Edge;
import dev.tradeloop.events.MethodRef;
import dev.tradeloop.events.OrderEvent;
import dev.tradeloop.events.OrderPurpose;
import dev.tradeloop.events.OrderStatus;
import dev.tradeloop.events.Side;
import dev.tradeloop.events.Topics;
import dev.tradeloop.events.money.Contracts;
import dev.tradeloop.events.money.Money;
import dev.tradeloop.events.money.Price;
import dev.tradeloop.rules.EntryFees;
import dev.tradeloop.testkit.TestKafka;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Events the risk-service tests feed it. */
final class RiskFixtures {

    static final MethodRef METHOD = new MethodRef("kelly-quarter", 1);

    private RiskFixtures() {
    }

    static String market() {
        return "KXRISK-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    /** An edge on YES of {@code market} (its own event) at {@code ask}, the model saying {@code probability}. */
    static Edge edge(String market, String probability, String ask) {
        return edge(market, probability, ask, Optional.empty());
    }

    /** The same edge, on a market of exchange shard {@code shard}. */
    static Edge edge(String market, String probability, String ask, Optional<Integer> shard) {
        Price price = Price.parse(ask);
        Money fee = EntryFees.perContract(price);
        BigDecimal edge = new BigDecimal(probability).subtract(price.toBigDecimal()).subtract(fee.toBigDecimal());
        UUID id = UUID.randomUUID();
        return new Edge(id, Instant.now(), "edge-" + id, market, market + "-EVENT", Side.YES,
                new BigDecimal(probability), new BigDecimal("0.80"), price, fee, edge, price, METHOD, UUID.randomUUID(),
                UUID.randomUUID(), shard);
    }

    /** The account's cash: {@code shard0} on the default shard and {@code shard2} on shard 2. */
    static void reportBalance(String shard0, String shard2) {
        Money total = Money.parse(shard0).plus(Money.parse(shard2));
        TestKafka.get().produce(Topics.ACCOUNT_BALANCE, "account", new BalanceReported(UUID.randomUUID(),
                Instant.now(), "test-balance", total, "test",
                Optional.of(Map.of(0, Money.parse(shard0), 2, Money.parse(shard2)))));
    }

    static void reportBalance(String dollars) {
        TestKafka.get().produce(Topics.ACCOUNT_BALANCE, "account", new BalanceReported(UUID.randomUUID(),
                Instant.now(), "test-balance", Money.parse(dollars), "test"));
    }

    /** Ends an approved entry without a fill, so it no longer counts as in flight. */
    static void abandon(ApprovedTrade trade) {
        TestKafka.get().produce(Topics.ORDER_EVENTS, trade.positionId(), new OrderEvent(UUID.randomUUID(),
                Instant.now(), trade.correlationId(), trade.positionId(), trade.marketTicker(), OrderPurpose.ENTRY,
                OrderStatus.ABANDONED, trade.positionId() + "-1", Optional.empty(), trade.side(), Action.BUY,
                Optional.empty(), trade.contracts(), Contracts.ZERO, 1, Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.of("test"), trade.method(), Optional.empty()));
    }
}
