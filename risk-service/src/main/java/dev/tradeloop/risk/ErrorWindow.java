package dev.tradeloop.risk;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/** Errors seen in a sliding window: the breakers trip when it holds more than their limit. */
final class ErrorWindow {

    private final int limit;
    private final Duration window;
    private final Deque<Instant> errors = new ArrayDeque<>();

    ErrorWindow(int limit, Duration window) {
        this.limit = limit;
        this.window = window;
    }

    void record(Instant at) {
        errors.addLast(at);
    }

    /** The errors within the window ending at {@code now}. */
    int count(Instant now) {
        while (!errors.isEmpty() && !errors.peekFirst().isAfter(now.minus(window))) {
            errors.removeFirst();
        }
        return (int) errors.stream().filter(at -> !at.isAfter(now)).count();
    }

    boolean exceeded(Instant now) {
        return count(now) > limit;
    }

    String describe(Instant now) {
        String span = window.toSeconds() % 60 == 0 ? window.toMinutes() + " min" : window.toSeconds() + " s";
        return count(now) + " errors in " + span + " (limit " + limit + ")";
    }
}
