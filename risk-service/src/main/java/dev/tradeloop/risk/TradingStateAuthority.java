package dev.tradeloop.risk;

import dev.tradeloop.events.BreakerName;
import dev.tradeloop.events.BreakerState;
import dev.tradeloop.events.ResetMode;
import dev.tradeloop.events.Topics;
import dev.tradeloop.events.TradingMode;
import dev.tradeloop.events.TradingState;
import dev.tradeloop.support.EventPublisher;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * risk-service is the only writer of the trading state. On first start of a system (an empty
 * {@code trading-state} topic) it publishes ACTIVE with every breaker closed; when a state exists
 * it leaves it alone, so a restart never reopens trading that a breaker or a person stopped.
 */
@ApplicationScoped
public class TradingStateAuthority {

    private final EventPublisher publisher;
    private final Clock clock;
    private final String bootstrapServers;

    public TradingStateAuthority(EventPublisher publisher, Clock clock,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.publisher = publisher;
        this.clock = clock;
        this.bootstrapServers = bootstrapServers;
    }

    void onStart(@Observes StartupEvent start) {
        if (stateAlreadyPublished()) {
            Log.info("trading state already on the topic; keeping it");
            return;
        }
        TradingState initial = initialState();
        publisher.publish(Topics.TRADING_STATE, TradingState.KEY, initial);
        Log.infof("published the initial trading state %s eventId=%s", initial.mode(), initial.eventId());
    }

    private TradingState initialState() {
        List<BreakerState> closed = Arrays.stream(BreakerName.values())
                .map(name -> new BreakerState(name, false, resetModeOf(name), Optional.empty(), Optional.empty()))
                .toList();
        return new TradingState(UUID.randomUUID(), Instant.now(clock), "initial-trading-state",
                TradingMode.ACTIVE, false, closed);
    }

    static ResetMode resetModeOf(BreakerName name) {
        return name == BreakerName.EXCHANGE_API ? ResetMode.AUTOMATIC : ResetMode.MANUAL;
    }

    private boolean stateAlreadyPublished() {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.TRADING_STATE.name()).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition()))
                    .toList();
            return consumer.endOffsets(partitions).values().stream().anyMatch(end -> end > 0);
        }
    }
}
