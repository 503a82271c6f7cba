package dev.tradeloop.monitor.streams;

import dev.tradeloop.monitor.config.MonitorConfig;
import dev.tradeloop.support.TradingMethods;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;

/** Hands Quarkus the monitor's topology, built with the methods this service loaded. */
@ApplicationScoped
public class MonitorTopologyProducer {

    @Produces
    Topology topology(TradingMethods methods, MonitorConfig config) {
        return MonitorTopology.build(new StreamsBuilder(), methods::get, config.staleAfter());
    }
}
