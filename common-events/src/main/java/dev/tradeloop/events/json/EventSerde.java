package dev.tradeloop.events.json;

import dev.tradeloop.events.Event;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * A Kafka {@link Serde} over an {@link EventCodec}. Its deserializer throws
 * {@link EventDecodingException} for an invalid value; consumers that must not stop catch it
 * (or decode bytes themselves with the codec) and dead-letter the message.
 */
public final class EventSerde<T extends Event> implements Serde<T> {

    private final EventCodec<T> codec;

    public EventSerde(EventCodec<T> codec) {
        this.codec = codec;
    }

    @Override
    public Serializer<T> serializer() {
        return (topic, event) -> event == null ? null : codec.encode(event);
    }

    @Override
    public Deserializer<T> deserializer() {
        return (topic, bytes) -> codec.decode(bytes);
    }
}
