package dev.tradeloop.monitor.streams;

import dev.tradeloop.events.ExitTrigger;
import java.time.Duration;

/** What the monitor counts: ticks processed, exits triggered, and how long from a tick to its trigger. */
public interface MonitorMetrics {

    /** Counts nothing: for topologies built in tests. */
    MonitorMetrics NONE = new MonitorMetrics() {
        @Override
        public void tickProcessed() {
        }

        @Override
        public void triggered(ExitTrigger trigger) {
        }

        @Override
        public void tickToTrigger(Duration sinceTick) {
        }
    };

    void tickProcessed();

    /** An exit triggered, on a tick or on the timer. */
    void triggered(ExitTrigger trigger);

    /** An exit triggered by a tick, {@code sinceTick} after edge-service received that tick. */
    void tickToTrigger(Duration sinceTick);
}
