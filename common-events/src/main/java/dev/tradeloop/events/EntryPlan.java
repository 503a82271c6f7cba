package dev.tradeloop.events;

import dev.tradeloop.events.money.Price;
import java.time.Duration;

/**
 * How order-service works an approved entry: a limit at {@code limitPrice}, {@code fillTimeout}
 * per attempt, walking by {@code walkStep} but never past {@code worstPrice} (the slippage cap).
 */
public record EntryPlan(
        ExecutionStrategy strategy,
        Price limitPrice,
        Price worstPrice,
        Price walkStep,
        Duration fillTimeout) {

    public EntryPlan {
        Require.present(strategy, "strategy");
        Require.present(limitPrice, "limitPrice");
        Require.present(worstPrice, "worstPrice");
        Require.present(walkStep, "walkStep");
        Require.present(fillTimeout, "fillTimeout");
        if (worstPrice.compareTo(limitPrice) < 0) {
            throw new IllegalArgumentException(
                    "worstPrice " + worstPrice + " is below limitPrice " + limitPrice + " for a buy");
        }
    }
}
