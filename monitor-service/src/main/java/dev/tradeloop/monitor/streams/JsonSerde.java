package dev.tradeloop.monitor.streams;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tradeloop.events.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/** JSON for what the monitor keeps in its state stores (the position aggregate), with the events' mapper. */
public final class JsonSerde<T> implements Serde<T> {

    private final ObjectMapper mapper = Json.mapper();
    private final Class<T> type;

    public JsonSerde(Class<T> type) {
        this.type = type;
    }

    @Override
    public Serializer<T> serializer() {
        return (topic, value) -> {
            try {
                return value == null ? null : mapper.writeValueAsBytes(value);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write a " + type.getSimpleName(), e);
            }
        };
    }

    @Override
    public Deserializer<T> deserializer() {
        return (topic, bytes) -> {
            try {
                return bytes == null ? null : mapper.readValue(bytes, type);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read a " + type.getSimpleName(), e);
            }
        };
    }
}
