package dev.tradeloop.testkit;

import dev.tradeloop.events.Event;
import dev.tradeloop.events.Topic;
import dev.tradeloop.events.json.EventCodec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads one topic from its beginning and waits, up to a deadline, for what a test expects to
 * appear there. It polls the broker (no sleeps) and fails with what it did see when the deadline
 * passes. Close it after use.
 */
public final class TopicReader<V extends Event> implements AutoCloseable {

    private final Topic<V> topic;
    private final EventCodec<V> codec;
    private final KafkaConsumer<String, byte[]> consumer;
    private final List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();

    TopicReader(Map<String, Object> adminSettings, Topic<V> topic) {
        this.topic = topic;
        this.codec = topic.codec();
        Map<String, Object> config = new HashMap<>(adminSettings);
        config.putAll(Map.of(
                ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"));
        this.consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of(topic.name()));
    }

    /** Waits for the first event that matches, and returns it. */
    public V await(Predicate<V> matching, Duration deadline) {
        return awaitCount(matching, 1, deadline).get(0);
    }

    /** Waits until {@code count} events match, and returns the first {@code count} of them. */
    public List<V> awaitCount(Predicate<V> matching, int count, Duration deadline) {
        Instant end = Instant.now().plus(deadline);
        while (true) {
            List<V> matches = decoded().stream().filter(matching).toList();
            if (matches.size() >= count) {
                return matches.subList(0, count);
            }
            Duration left = Duration.between(Instant.now(), end);
            if (left.isNegative()) {
                throw new AssertionError("waited " + deadline + " on " + topic.name() + " for " + count
                        + " matching events; saw " + matches.size() + " of " + seen.size() + " read: " + decoded());
            }
            pollFor(left.compareTo(Duration.ofMillis(200)) < 0 ? left : Duration.ofMillis(200));
        }
    }

    /** Waits for a raw record (key and bytes) that matches; for dead-letter and malformed cases. */
    public ConsumerRecord<String, byte[]> awaitRecord(Predicate<ConsumerRecord<String, byte[]>> matching,
            Duration deadline) {
        Instant end = Instant.now().plus(deadline);
        while (true) {
            for (ConsumerRecord<String, byte[]> record : seen) {
                if (matching.test(record)) {
                    return record;
                }
            }
            if (Instant.now().isAfter(end)) {
                throw new AssertionError("waited " + deadline + " on " + topic.name()
                        + " for a matching record; read " + seen.size());
            }
            pollFor(Duration.ofMillis(200));
        }
    }

    /** Everything read so far that decodes; what does not decode is skipped here. */
    public List<V> decoded() {
        List<V> events = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : seen) {
            try {
                events.add(codec.decode(record.value()));
            } catch (RuntimeException notAnEvent) {
                // A test that reads raw records looks at those itself.
            }
        }
        return events;
    }

    private void pollFor(Duration timeout) {
        consumer.poll(timeout.isNegative() ? Duration.ZERO : timeout).forEach(seen::add);
    }

    @Override
    public void close() {
        consumer.close();
    }
}
