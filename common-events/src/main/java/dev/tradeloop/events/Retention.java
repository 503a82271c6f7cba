package dev.tradeloop.events;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * How long a topic keeps its messages: for ever (the event log the figures are rebuilt from), for a
 * time, or compacted to the latest value per key (for ever, or until that value is older than a time).
 */
public record Retention(boolean compacted, Optional<Duration> time) {

    public static Retention forever() {
        return new Retention(false, Optional.empty());
    }

    public static Retention of(Duration time) {
        return new Retention(false, Optional.of(time));
    }

    public static Retention compactedLatestPerKey() {
        return new Retention(true, Optional.empty());
    }

    /** The latest value per key, dropped once it is older than {@code time}: a key that stopped changing goes. */
    public static Retention compactedLatestPerKeyFor(Duration time) {
        return new Retention(true, Optional.of(time));
    }

    /** The broker topic configuration for this retention. */
    public Map<String, String> topicConfig() {
        if (compacted) {
            return time.map(d -> Map.of("cleanup.policy", "compact,delete",
                    "retention.ms", Long.toString(d.toMillis()))).orElse(Map.of("cleanup.policy", "compact"));
        }
        String millis = time.map(d -> Long.toString(d.toMillis())).orElse("-1");
        return Map.of("cleanup.policy", "delete", "retention.ms", millis);
    }
}
