package dev.tradeloop.events;

/** How soon a person must look at an alert. */
public enum AlertSeverity {
    INFO,
    WARNING,
    CRITICAL
}
