package dev.tradeloop.risk.messaging;

import dev.tradeloop.events.Topics;
import dev.tradeloop.events.TradingState;
import dev.tradeloop.events.json.EventDecodingException;
import dev.tradeloop.support.KafkaClientSettings;
import dev.tradeloop.support.RawConsumers;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/**
 * The trading state last published on the compacted {@code trading-state} topic, read once at start
 * to the end of the log: what every other service obeys, even when PostgreSQL never stored it.
 */
@ApplicationScoped
public class PublishedTradingState {

    private final KafkaClientSettings kafka;

    public PublishedTradingState(KafkaClientSettings kafka) {
        this.kafka = kafka;
    }

    /** The last state in the log (a record that does not decode is passed over); empty on a new system. */
    public Optional<TradingState> last(Duration deadline) {
        try (KafkaConsumer<String, byte[]> consumer = RawConsumers.create(kafka, Map.of())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.TRADING_STATE.name(), deadline).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, deadline);
            Instant giveUp = Instant.now().plus(deadline);
            TradingState last = null;
            long lastOffset = -1;
            while (partitions.stream().anyMatch(p -> consumer.position(p, deadline) < ends.get(p))) {
                if (Instant.now().isAfter(giveUp)) {
                    throw new IllegalStateException("could not read " + Topics.TRADING_STATE.name() + " to its end in "
                            + deadline);
                }
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    try {
                        TradingState state = Topics.TRADING_STATE.codec().decode(record.value());
                        if (record.offset() > lastOffset) {
                            last = state;
                            lastOffset = record.offset();
                        }
                    } catch (EventDecodingException e) {
                        Log.warnf("passed over %s-%d@%d, which does not decode: %s", record.topic(),
                                record.partition(), record.offset(), e.getMessage());
                    }
                }
            }
            return Optional.ofNullable(last);
        }
    }
}
