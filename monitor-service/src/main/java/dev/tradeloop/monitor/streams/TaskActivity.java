package dev.tradeloop.monitor.streams;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * When each stream task of this instance last went over its positions (its timer runs every second
 * while its thread lives), and how many of them were open: what the monitor's supervision reads.
 */
public final class TaskActivity {

    /** A task's last round: how many open positions it held, and when. */
    public record Round(int openPositions, Instant at) {
    }

    private final Map<String, Round> tasks = new ConcurrentHashMap<>();

    void went(String task, int openPositions, Instant at) {
        tasks.put(task, new Round(openPositions, at));
    }

    void gone(String task) {
        tasks.remove(task);
    }

    /** The tasks holding open positions whose last round is more than {@code limit} before {@code now}. */
    public Map<String, Round> stalled(Instant now, Duration limit) {
        Map<String, Round> stalled = new TreeMap<>();
        tasks.forEach((task, round) -> {
            if (round.openPositions() > 0 && round.at().plus(limit).isBefore(now)) {
                stalled.put(task, round);
            }
        });
        return stalled;
    }
}
