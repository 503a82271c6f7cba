package dev.tradeloop.monitor.streams;

import dev.tradeloop.monitor.config.MonitorConfig;
import dev.tradeloop.support.TradingMethods;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;

/** Hands Quarkus the monitor's topology, built with the methods this service loaded and counting into its metrics. */
@ApplicationScoped
public class MonitorTopologyProducer {

    @Produces
    @Singleton
    TaskActivity activity() {
        return new TaskActivity();
    }

    @Produces
    @Singleton
    LivePositions live() {
        return new LivePositions();
    }

    @Produces
    Topology topology(TradingMethods methods, MonitorConfig config, MeterRegistry registry, TaskActivity activity,
            LivePositions live) {
        return MonitorTopology.build(new StreamsBuilder(), methods::get, config.staleAfter(),
                new MicrometerMonitorMetrics(registry), activity, live);
    }
}
