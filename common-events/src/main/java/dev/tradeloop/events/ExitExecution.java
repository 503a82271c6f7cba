package dev.tradeloop.events;

import java.time.Duration;

/**
 * The method's execution parameters for one exit priority: the strategy, how long each attempt
 * rests, how many walks, and whether it ends in a market (immediate-or-cancel) order.
 */
public record ExitExecution(
        ExecutionStrategy strategy,
        Duration fillTimeout,
        int maxWalks,
        boolean marketFallback) {

    public ExitExecution {
        Require.present(strategy, "strategy");
        Require.present(fillTimeout, "fillTimeout");
        if (fillTimeout.isNegative() || fillTimeout.isZero()) {
            throw new IllegalArgumentException("fillTimeout " + fillTimeout + " is not positive");
        }
        Require.nonNegative(maxWalks, "maxWalks");
    }
}
