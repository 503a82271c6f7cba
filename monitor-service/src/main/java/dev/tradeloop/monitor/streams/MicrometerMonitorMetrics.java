package dev.tradeloop.monitor.streams;

import dev.tradeloop.events.ExitTrigger;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/**
 * The monitor's metrics at {@code /q/metrics}: {@code tradeloop_ticks_processed_total},
 * {@code tradeloop_exit_triggers_total{reason,priority}} and the histogram
 * {@code tradeloop_tick_to_trigger_seconds}.
 */
final class MicrometerMonitorMetrics implements MonitorMetrics {

    private final MeterRegistry registry;
    private final Counter ticks;
    private final Timer tickToTrigger;

    MicrometerMonitorMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.ticks = Counter.builder("tradeloop.ticks.processed").description("price ticks the monitor processed")
                .register(registry);
        this.tickToTrigger = Timer.builder("tradeloop.tick.to.trigger")
                .description("from edge-service receiving a tick to the monitor triggering an exit on it")
                .publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(10)).register(registry);
    }

    @Override
    public void tickProcessed() {
        ticks.increment();
    }

    @Override
    public void triggered(ExitTrigger trigger) {
        Counter.builder("tradeloop.exit.triggers").description("exits the monitor triggered")
                .tag("reason", trigger.reason().name()).tag("priority", trigger.priority().name())
                .register(registry).increment();
    }

    @Override
    public void tickToTrigger(Duration sinceTick) {
        tickToTrigger.record(sinceTick.isNegative() ? Duration.ZERO : sinceTick);
    }
}
