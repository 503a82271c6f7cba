package dev.tradeloop.exit;

import dev.tradeloop.events.ExitTrigger;
import dev.tradeloop.events.OrderEnding;
import dev.tradeloop.events.OrderStatus;
import dev.tradeloop.events.money.Contracts;
import dev.tradeloop.exit.Escalation.Kind;
import java.util.Optional;

/**
 * The decision of an exit's loop, without I/O: from where the exit stands (what sold, whether a
 * more urgent exit wants the position, the trading state, the escalation's state, and, once asked
 * for, whether the market is paused and what the exchange holds) to the next move. The executor
 * performs the move; pricing is {@link ExitPricing}'s, the escalation {@link Escalation}'s.
 */
public final class ExitRules {

    /**
     * Where an exit stands before attempt {@code state.attempt()}. {@code marketPaused} and
     * {@code held} are empty until the decision asks for them ({@link ExitMove.ReadMarket},
     * {@link ExitMove.ReadHeld}).
     */
    public record Situation(ExitTrigger trigger, Contracts filled, Optional<ExitTrigger> takenOverBy,
            boolean exitsAllowed, Escalation.State state, int marketTries, Optional<Boolean> marketPaused,
            Optional<Contracts> held) {

        public Situation withMarketPaused(boolean paused) {
            return new Situation(trigger, filled, takenOverBy, exitsAllowed, state, marketTries, Optional.of(paused),
                    held);
        }

        public Situation withHeld(Contracts onExchange) {
            return new Situation(trigger, filled, takenOverBy, exitsAllowed, state, marketTries, marketPaused,
                    Optional.of(onExchange));
        }

        Contracts remaining() {
            return trigger.quantity().minus(filled);
        }
    }

    private ExitRules() {
    }

    public static ExitMove next(Situation at) {
        Contracts remaining = at.remaining();
        if (remaining.isZero()) {
            return new ExitMove.Finish(OrderStatus.FILLED, OrderEnding.FILLED, "sold " + at.filled());
        }
        if (at.takenOverBy().isPresent()) {
            ExitTrigger over = at.takenOverBy().get();
            return new ExitMove.Finish(OrderStatus.CANCELLED, OrderEnding.TAKEN_OVER, "taken over by a more urgent exit: "
                    + over.priority() + " " + over.reason() + "; " + at.filled() + " sold before");
        }
        if (!at.exitsAllowed()) {
            return new ExitMove.WaitWhileHalted();
        }
        if (at.marketPaused().isEmpty()) {
            return new ExitMove.ReadMarket();
        }
        if (at.marketPaused().get()) {
            return new ExitMove.WaitWhileMarketPaused();
        }
        if (at.state().kind() == Kind.GIVEN_UP) {
            return new ExitMove.Fail(OrderEnding.WALKS_SPENT, at.trigger().execution().maxWalks()
                    + " walks without selling " + remaining + ": given up", Optional.of(OrderStatus.GIVEN_UP));
        }
        if (at.state().kind() == Kind.FAILED) {
            return new ExitMove.Fail(OrderEnding.MARKET_TRIES_SPENT, at.marketTries()
                    + " market orders without selling " + remaining, Optional.empty());
        }
        if (at.held().isEmpty()) {
            return new ExitMove.ReadHeld();
        }
        Contracts held = at.held().get();
        if (held.isZero()) {
            return at.filled().isZero()
                    ? new ExitMove.NothingHeld("the exchange holds no " + at.trigger().side() + " of "
                            + at.trigger().marketTicker() + " to sell")
                    : new ExitMove.Finish(OrderStatus.FILLED, OrderEnding.SOLD_WHAT_WAS_HELD, "sold " + at.filled()
                            + "; the exchange holds no more");
        }
        return new ExitMove.Sell(at.state(), remaining.compareTo(held) <= 0 ? remaining : held);
    }
}
