package dev.tradeloop.sim.faults;

import java.time.Duration;

/**
 * One armed fault: its kind, which operation it hits ({@code *} for any, else a resource method
 * such as {@code create}, {@code cancel}, {@code balance}), how many more times, and the delay.
 */
public record Fault(FaultKind kind, String operation, int remaining, Duration delay) {

    public Fault {
        if (kind == null) {
            throw new IllegalArgumentException("kind is required: one of " + java.util.Arrays.toString(FaultKind.values()));
        }
        if (operation == null || operation.isBlank()) {
            operation = kind == FaultKind.SEQUENCE_GAP ? "orderbook_delta"
                    : kind == FaultKind.REFUSE_CONNECTIONS ? "connect" : kind == FaultKind.FILLS_LAG ? "fills"
                    : kind == FaultKind.ORDERS_LAG ? "orders" : "*";
        }
        if (remaining < 0) {
            throw new IllegalArgumentException("remaining uses cannot be negative");
        }
        if (delay == null) {
            delay = Duration.ZERO;
        }
        if ((kind == FaultKind.TIMEOUT || kind == FaultKind.RESPONSE_LOST || kind == FaultKind.LATENCY
                || kind == FaultKind.FILLS_LAG || kind == FaultKind.ORDERS_LAG)
                && delay.isZero()) {
            throw new IllegalArgumentException(kind + " needs a delay");
        }
    }

    boolean hits(String target) {
        return operation.equals("*") || operation.equals(target);
    }

    Fault used() {
        return new Fault(kind, operation, remaining - 1, delay);
    }
}
