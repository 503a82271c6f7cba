package dev.tradeloop.risk;

import dev.tradeloop.events.EntryPlan;
import dev.tradeloop.events.ExecutionStrategy;
import dev.tradeloop.events.money.Price;
import dev.tradeloop.rules.Method;

/**
 * How an approved entry is to be worked, from its method: a limit at the target price, walked by the
 * method's step up to the slippage cap (and never past the highest price an order may have).
 */
public final class EntryPlans {

    private EntryPlans() {
    }

    public static EntryPlan of(Price target, Method method) {
        long capped = Math.min(target.micros() + method.entry().slippageCap().micros(),
                method.risk().maxOrderPrice().micros());
        return new EntryPlan(ExecutionStrategy.LIMIT_THEN_WALK, target, new Price(Math.max(capped, target.micros())),
                method.entry().walkStep(), method.entry().fillTimeout());
    }
}
