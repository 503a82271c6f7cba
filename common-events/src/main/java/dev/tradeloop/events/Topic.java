package dev.tradeloop.events;

import dev.tradeloop.events.json.EventCodec;
import dev.tradeloop.events.json.EventSerde;
import java.util.Map;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * One topic of the catalog: its name, what its key is, the events it carries, how it is laid out
 * on the broker, and where its dead letters go. Code reaches a topic only through one of these.
 */
public record Topic<V extends Event>(
        String name,
        KeyKind key,
        Class<V> valueType,
        int partitions,
        Retention retention,
        String deadLetterTopic) {

    public Topic {
        Require.text(name, "name");
        Require.present(key, "key");
        Require.present(valueType, "valueType");
        Require.present(retention, "retention");
        if (partitions < 1) {
            throw new IllegalArgumentException("topic " + name + " needs at least one partition");
        }
    }

    public EventCodec<V> codec() {
        return new EventCodec<>(name, valueType);
    }

    public Serde<String> keySerde() {
        return Serdes.String();
    }

    public Serde<V> valueSerde() {
        return new EventSerde<>(codec());
    }

    public Map<String, String> brokerConfig() {
        return retention.topicConfig();
    }

    /** True for the {@code .dlq} topics themselves, which have no dead-letter topic of their own. */
    public boolean isDeadLetterTopic() {
        return name.equals(deadLetterTopic);
    }
}
