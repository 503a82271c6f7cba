package dev.tradeloop.exit;

import dev.tradeloop.events.OrderEnding;
import dev.tradeloop.events.OrderStatus;
import dev.tradeloop.events.money.Contracts;
import java.util.Optional;

/** What an exit does next, as {@link ExitRules#next} decides it. */
public sealed interface ExitMove {

    /** The exit ends with {@code status}: sold, or taken over; {@code ending} says why as a code. */
    record Finish(OrderStatus status, OrderEnding ending, String note) implements ExitMove {
    }

    /**
     * Every escalation failed: the position stays open and a person is told; {@code before} is a step
     * to report first (the walks given up).
     */
    record Fail(OrderEnding ending, String why, Optional<OrderStatus> before) implements ExitMove {
    }

    /** The exchange holds nothing to sell: the position and the exchange disagree. */
    record NothingHeld(String why) implements ExitMove {
    }

    /** Trading does not allow exits now: wait until it does, or a more urgent exit takes over. */
    record WaitWhileHalted() implements ExitMove {
    }

    /** The exchange has the market paused: wait until it trades again. */
    record WaitWhileMarketPaused() implements ExitMove {
    }

    /** The decision needs to know whether the market is paused: read it, then ask again. */
    record ReadMarket() implements ExitMove {
    }

    /** The decision needs what the exchange holds: read it, then ask again. */
    record ReadHeld() implements ExitMove {
    }

    /** Sell {@code count} at the attempt's state (start, walk or market), priced on the book. */
    record Sell(Escalation.State state, Contracts count) implements ExitMove {
    }
}
