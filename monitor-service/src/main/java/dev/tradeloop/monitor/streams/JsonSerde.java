package dev.tradeloop.monitor.streams;

import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.tradeloop.events.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/** JSON for what the monitor keeps in its state stores (the position aggregate), with the events' mapper. */
public final class JsonSerde<T> implements Serde<T> {

    private final ObjectWriter writer;
    private final ObjectReader reader;
    private final Class<T> type;

    public JsonSerde(Class<T> type) {
        this.type = type;
        this.writer = Json.mapper().writerFor(type);
        this.reader = Json.mapper().readerFor(type);
    }

    @Override
    public Serializer<T> serializer() {
        return (topic, value) -> {
            try {
                return value == null ? null : writer.writeValueAsBytes(value);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write a " + type.getSimpleName(), e);
            }
        };
    }

    @Override
    public Deserializer<T> deserializer() {
        return (topic, bytes) -> {
            try {
                return bytes == null ? null : reader.readValue(bytes);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read a " + type.getSimpleName(), e);
            }
        };
    }
}
