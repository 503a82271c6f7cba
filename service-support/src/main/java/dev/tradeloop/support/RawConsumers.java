package dev.tradeloop.support;

import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Plain Kafka consumers of the event log for the readers that keep their own place (a rebuild from
 * offset 0, offsets stored with the rows): raw bytes, so a malformed message can be dead-lettered
 * whole; committed transactions only; no automatic offset commits.
 */
public final class RawConsumers {

    private RawConsumers() {
    }

    /** A consumer of the service's broker, as the service, with these settings on top of the defaults above. */
    public static KafkaConsumer<String, byte[]> create(KafkaClientSettings kafka, Map<String, String> settings) {
        Map<String, Object> config = kafka.with(Map.of(
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"));
        config.putAll(settings);
        return new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
    }
}
