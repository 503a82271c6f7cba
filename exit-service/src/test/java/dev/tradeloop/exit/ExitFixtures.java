package dev.tradeloop.exit;

import dev.tradeloop.events.Action;
import dev.tradeloop.events.BreakerName;
import dev.tradeloop.events.BreakerState;
import dev.tradeloop.events.ExecutionStrategy;
import dev.tradeloop.events.ExitExecution;
import dev.tradeloop.events.ExitReason;
import dev.tradeloop.events.ExitTrigger;
import dev.tradeloop.events.MethodRef;
import dev.tradeloop.events.ResetMode;
import dev.tradeloop.events.Side;
import dev.tradeloop.events.Topics;
import dev.tradeloop.events.TradingMode;
import dev.tradeloop.events.TradingState;
import dev.tradeloop.events.money.Contracts;
import dev.tradeloop.events.money.Price;
import dev.tradeloop.exchange.model.NewOrder;
import dev.tradeloop.testkit.TestExchange;
import dev.tradeloop.testkit.TestKafka;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Markets, books, held positions and exit triggers the exit-service tests use. */
final class ExitFixtures {

    static final String EVENT = "KXEXIT";

    private ExitFixtures() {
    }

    /** A new market on the simulator, open for two hours. */
    static String market() {
        String ticker = EVENT + "-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        TestExchange.get().listMarket(ticker, EVENT, Instant.now().plus(2, ChronoUnit.HOURS));
        return ticker;
    }

    /** The trader buys {@code count} YES at 0.50 from the maker: the position the exit sells. */
    static void traderHoldsYes(String market, long count) {
        makerOffersYes(market, "0.50", count);
        TestExchange.get().trader().createOrder(NewOrder.of(market, Side.YES, Action.BUY, Contracts.whole(count),
                Price.parse("0.50"), NewOrder.IMMEDIATE_OR_CANCEL, "setup-" + UUID.randomUUID()));
    }

    /** The maker bids for {@code count} YES at {@code price}: what the exit can sell into. */
    static void makerBidsYes(String market, String price, long count) {
        TestExchange.get().maker().createOrder(NewOrder.of(market, Side.YES, Action.BUY, Contracts.whole(count),
                Price.parse(price), NewOrder.GOOD_TILL_CANCELED, "maker-" + UUID.randomUUID()));
    }

    /** The maker offers {@code count} YES at {@code price} (a NO bid at 1 − price). */
    static void makerOffersYes(String market, String price, long count) {
        TestExchange.get().maker().createOrder(NewOrder.of(market, Side.NO, Action.BUY, Contracts.whole(count),
                Price.parse(price).complement(), NewOrder.GOOD_TILL_CANCELED, "maker-" + UUID.randomUUID()));
    }

    /** A trigger to sell {@code count} YES of a new position, with the method's execution for its priority. */
    static ExitTrigger trigger(String market, ExitReason reason, long count, Duration fillTimeout) {
        return trigger(market, "pos-" + UUID.randomUUID(), reason, count, fillTimeout);
    }

    static ExitTrigger trigger(String market, String position, ExitReason reason, long count, Duration fillTimeout) {
        ExitExecution execution;
        switch (reason.priority()) {
            case CRITICAL -> execution = new ExitExecution(ExecutionStrategy.IMMEDIATE_MARKET, fillTimeout, 0, true);
            case HIGH -> execution = new ExitExecution(ExecutionStrategy.WALK_THEN_MARKET, fillTimeout, 2, true);
            case MEDIUM -> execution = new ExitExecution(ExecutionStrategy.WALK_PRICE, fillTimeout, 5, false);
            default -> execution = new ExitExecution(ExecutionStrategy.WALK_SLOWLY, fillTimeout, 10, false);
        }
        return new ExitTrigger(UUID.randomUUID(), Instant.now(), "entry-" + position, position, market, EVENT,
                Side.YES, reason, reason.priority(), Contracts.whole(count), Optional.empty(), List.of(),
                Price.parse("0.50"), Price.parse("0.50"), Price.parse("0.52"), execution,
                new MethodRef("kelly-quarter", 1));
    }

    static void tradingIs(TradingMode mode) {
        List<BreakerState> breakers = Arrays.stream(BreakerName.values()).map(name -> new BreakerState(name,
                mode != TradingMode.ACTIVE && name == BreakerName.KILL_SWITCH,
                name == BreakerName.EXCHANGE_API ? ResetMode.AUTOMATIC : ResetMode.MANUAL,
                mode != TradingMode.ACTIVE && name == BreakerName.KILL_SWITCH ? Optional.of(Instant.now()) : Optional.empty(),
                Optional.empty())).toList();
        TestKafka.get().produce(Topics.TRADING_STATE, TradingState.KEY, new TradingState(UUID.randomUUID(),
                Instant.now(), "test-state", mode, false, breakers));
    }
}
