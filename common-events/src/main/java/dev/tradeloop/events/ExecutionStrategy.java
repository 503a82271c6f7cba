package dev.tradeloop.events;

/** How an order is worked until it fills or is given up. */
public enum ExecutionStrategy {
    /** Entry: limit at the target price, walk by 0.01 within the slippage cap, then cancel. */
    LIMIT_THEN_WALK,
    /** CRITICAL exit: immediate-or-cancel at the worst acceptable price, repeated until filled. */
    IMMEDIATE_MARKET,
    /** HIGH exit: aggressive limit, two walks, then market. */
    WALK_THEN_MARKET,
    /** MEDIUM exit: fair limit, up to five walks, then give up. */
    WALK_PRICE,
    /** LOW exit: conservative limit, up to ten slow walks, then give up. */
    WALK_SLOWLY
}
