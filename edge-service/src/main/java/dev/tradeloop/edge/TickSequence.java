package dev.tradeloop.edge;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/**
 * Numbers each market's ticks so consumers can drop duplicates and stale ones: strictly increasing
 * per market, and still increasing after a restart, because it starts from the clock (microseconds
 * since the epoch) rather than from one.
 */
public final class TickSequence {

    private final Clock clock;
    private final Map<String, Long> last = new HashMap<>();

    public TickSequence(Clock clock) {
        this.clock = clock;
    }

    public synchronized long next(String marketTicker) {
        long fromClock = Math.multiplyExact(clock.millis(), 1000L);
        long next = Math.max(fromClock, last.getOrDefault(marketTicker, 0L) + 1);
        last.put(marketTicker, next);
        return next;
    }
}
