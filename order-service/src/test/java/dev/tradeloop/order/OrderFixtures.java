package dev.tradeloop.order;

import dev.tradeloop.events.Action;
import dev.tradeloop.events.ApprovedTrade;
import dev.tradeloop.events.BreakerName;
import dev.tradeloop.events.BreakerState;
import dev.tradeloop.events.EntryPlan;
import dev.tradeloop.events.ExecutionStrategy;
import dev.tradeloop.events.MethodRef;
import dev.tradeloop.events.ResetMode;
import dev.tradeloop.events.Side;
import dev.tradeloop.events.Topics;
import dev.tradeloop.events.TradingMode;
import dev.tradeloop.events.TradingState;
import dev.tradeloop.events.money.Contracts;
import dev.tradeloop.events.money.Money;
import dev.tradeloop.events.money.Price;
import dev.tradeloop.exchange.model.NewOrder;
import dev.tradeloop.testkit.TestExchange;
import dev.tradeloop.testkit.TestKafka;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Markets, books and approved entries the order-service tests use. */
final class OrderFixtures {

    private OrderFixtures() {
    }

    /** A new market on the simulator, open for two hours. */
    static String market() {
        String ticker = "KXORD-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        TestExchange.get().listMarket(ticker, "KXORD", Instant.now().plus(2, ChronoUnit.HOURS));
        return ticker;
    }

    /** The maker offers {@code count} YES at {@code yesAsk} (a NO bid at 1 − ask). */
    static void offerYes(String market, String yesAsk, long count) {
        TestExchange.get().maker().createOrder(NewOrder.of(market, Side.NO, Action.BUY, Contracts.whole(count),
                Price.parse(yesAsk).complement(), NewOrder.GOOD_TILL_CANCELED, "maker-" + UUID.randomUUID()));
    }

    static ApprovedTrade approved(String market, long contracts, String limit, String worst, Duration timeout) {
        String position = "pos-" + UUID.randomUUID();
        return new ApprovedTrade(UUID.randomUUID(), Instant.now(), "edge-" + position, position, market, "KXORD",
                Side.YES, Contracts.whole(contracts), Money.parse("100"), new BigDecimal("0.80"),
                new EntryPlan(ExecutionStrategy.LIMIT_THEN_WALK, Price.parse(limit), Price.parse(worst),
                        Price.parse("0.01"), timeout), new MethodRef("kelly-quarter", 1), UUID.randomUUID());
    }

    static void tradingIs(TradingMode mode) {
        tradingIs(mode, Instant.now());
    }

    /** Publishes the trading state as risk-service would, stamped {@code at} (by a clock that may be wrong). */
    static void tradingIs(TradingMode mode, Instant at) {
        List<BreakerState> breakers = Arrays.stream(BreakerName.values()).map(name -> new BreakerState(name,
                mode != TradingMode.ACTIVE && name == BreakerName.KILL_SWITCH,
                name == BreakerName.EXCHANGE_API ? ResetMode.AUTOMATIC : ResetMode.MANUAL,
                mode != TradingMode.ACTIVE && name == BreakerName.KILL_SWITCH ? Optional.of(Instant.now()) : Optional.empty(),
                Optional.empty())).toList();
        TestKafka.get().produce(Topics.TRADING_STATE, TradingState.KEY, new TradingState(UUID.randomUUID(),
                at, "test-state", mode, false, breakers));
    }
}
