package dev.tradeloop.edge;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * Counts model errors (an invalid or absurd prediction, an edge computation that failed) in a
 * sliding window, and says when a person must hear of it: when the window holds the threshold
 * (5 in 10 minutes by default), at most once per window, so a broken model raises one alert, not one
 * per message.
 */
public final class ModelErrorWatch {

    private final int threshold;
    private final Duration window;
    private final Deque<Instant> errors = new ArrayDeque<>();
    private Instant lastAlert;

    public ModelErrorWatch(int threshold, Duration window) {
        this.threshold = threshold;
        this.window = window;
    }

    /** Records an error at {@code at}; returns the number in the window when an alert is due now. */
    public synchronized Optional<Integer> record(Instant at) {
        errors.addLast(at);
        while (!errors.isEmpty() && !errors.peekFirst().isAfter(at.minus(window))) {
            errors.removeFirst();
        }
        boolean due = errors.size() >= threshold && (lastAlert == null || !lastAlert.isAfter(at.minus(window)));
        if (!due) {
            return Optional.empty();
        }
        lastAlert = at;
        return Optional.of(errors.size());
    }
}
