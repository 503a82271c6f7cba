package dev.tradeloop.events;

/**
 * The ten exit conditions of the trading rules, in list order (which breaks priority ties),
 * each with its priority.
 */
public enum ExitReason {
    STOP_LOSS(ExitPriority.CRITICAL),
    CIRCUIT_BREAKER(ExitPriority.CRITICAL),
    TRAILING_STOP(ExitPriority.HIGH),
    TIME_BASED_URGENT(ExitPriority.HIGH),
    LIQUIDITY_DRIED_UP(ExitPriority.HIGH),
    PROFIT_TARGET(ExitPriority.MEDIUM),
    PARTIAL_EXIT_TARGET(ExitPriority.MEDIUM),
    EARLY_EXIT(ExitPriority.LOW),
    EDGE_DISAPPEARED(ExitPriority.LOW),
    REBALANCE(ExitPriority.LOW);

    private final ExitPriority priority;

    ExitReason(ExitPriority priority) {
        this.priority = priority;
    }

    public ExitPriority priority() {
        return priority;
    }
}
