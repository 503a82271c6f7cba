package dev.tradeloop.events;

/** The urgency of an exit; it chooses the execution strategy. Declared from most to least urgent. */
public enum ExitPriority {
    CRITICAL,
    HIGH,
    MEDIUM,
    LOW;

    public boolean isMoreUrgentThan(ExitPriority other) {
        return ordinal() < other.ordinal();
    }
}
