package dev.tradeloop.monitor.streams;

import dev.tradeloop.events.DeadLetter;
import dev.tradeloop.events.Event;
import dev.tradeloop.events.Topic;
import dev.tradeloop.events.json.EventDecodingException;
import dev.tradeloop.support.DeadLetters;
import java.time.Instant;
import java.util.Optional;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/** A message read from an input topic: the event it holds, or the dead letter saying why it holds none. */
public record Decoded(Optional<Event> event, Optional<DeadLetter> deadLetter) {

    /** Decodes each message of {@code topic}; what cannot be decoded becomes a dead letter. */
    public static FixedKeyProcessor<String, byte[], Decoded> of(Topic<?> topic) {
        return new FixedKeyProcessor<>() {
            private FixedKeyProcessorContext<String, Decoded> context;

            @Override
            public void init(FixedKeyProcessorContext<String, Decoded> context) {
                this.context = context;
            }

            @Override
            public void process(FixedKeyRecord<String, byte[]> record) {
                try {
                    Event event = topic.codec().decode(record.value());
                    context.forward(record.withValue(new Decoded(Optional.of(event), Optional.empty())));
                } catch (EventDecodingException e) {
                    var meta = context.recordMetadata().orElseThrow();
                    DeadLetter letter = DeadLetters.letter(meta.topic(), meta.partition(), meta.offset(), record.key(),
                            record.value(), e.failure(), e.detail(), "monitor-service",
                            Instant.ofEpochMilli(context.currentSystemTimeMs()));
                    context.forward(record.withValue(new Decoded(Optional.empty(), Optional.of(letter))));
                }
            }
        };
    }
}
