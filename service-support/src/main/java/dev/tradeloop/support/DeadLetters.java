package dev.tradeloop.support;

import dev.tradeloop.events.DeadLetter;
import dev.tradeloop.events.Topic;
import dev.tradeloop.events.Topics;
import dev.tradeloop.events.json.DecodeFailure;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sends a message this service could not process to its source topic's dead-letter topic, whole
 * and with the reason, and waits for the broker, so the consumer can move on without losing it.
 */
@ApplicationScoped
public class DeadLetters {

    private final EventPublisher publisher;
    private final String consumer;
    private final Clock clock;

    public DeadLetters(EventPublisher publisher,
            @ConfigProperty(name = "quarkus.application.name") String consumer, Clock clock) {
        this.publisher = publisher;
        this.consumer = consumer;
        this.clock = clock;
    }

    /** Work on one record that decoded. */
    @FunctionalInterface
    public interface RecordWork {
        void run() throws InterruptedException;
    }

    /**
     * Does {@code work} for a record that decoded. A broker that does not acknowledge what the work
     * publishes is waited for, and the same work done again (the work is idempotent by the event's
     * id); any other failure is the record's own: it is dead-lettered with the reason, and the
     * consumer goes on with the next record rather than stop.
     */
    public void processOrDeadLetter(ConsumerRecord<String, byte[]> record, RecordWork work)
            throws InterruptedException {
        long pause = 500;
        while (true) {
            try {
                work.run();
                return;
            } catch (EventPublisher.PublishFailedException e) {
                Log.warnf("%s; the same record is processed again in %d ms", e.getMessage(), pause);
                Thread.sleep(pause); // the broker is away: wait, then do the same work again
                pause = Math.min(pause * 2, 10_000);
            } catch (RuntimeException e) {
                Log.errorf(e, "could not process %s-%d@%d", record.topic(), record.partition(), record.offset());
                send(record, DecodeFailure.PROCESSING_FAILED, e.getClass().getSimpleName() + ": " + e.getMessage());
                return;
            }
        }
    }

    public void send(ConsumerRecord<String, byte[]> record, DecodeFailure failure, String error) {
        Topic<?> source = Topics.byName(record.topic()).orElseThrow(() ->
                new IllegalArgumentException("no catalog topic is named " + record.topic()));
        Topic<DeadLetter> deadLetterTopic = Topics.deadLetterOf(source);
        DeadLetter letter = letter(record.topic(), record.partition(), record.offset(), record.key(), record.value(),
                failure, error, consumer, Instant.now(clock));
        publisher.publish(deadLetterTopic, record.key(), letter);
        Log.warnf("dead-lettered %s-%d@%d to %s: %s %s", record.topic(), record.partition(), record.offset(),
                deadLetterTopic.name(), failure, error);
    }

    /** The dead letter of one message: the message whole (as text, or Base64 when it is not UTF-8) and why. */
    public static DeadLetter letter(String topic, int partition, long offset, String key, byte[] value,
            DecodeFailure failure, String error, String consumer, Instant now) {
        Optional<String> text = utf8(value);
        return new DeadLetter(UUID.randomUUID(), now, "dlq-" + topic + "-" + partition + "-" + offset, topic,
                partition, offset, Optional.ofNullable(key),
                text.orElseGet(() -> Base64.getEncoder().encodeToString(orEmpty(value))), text.isEmpty(), failure,
                error, consumer);
    }

    private static Optional<String> utf8(byte[] bytes) {
        if (bytes == null) {
            return Optional.of("");
        }
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString());
        } catch (CharacterCodingException notText) {
            return Optional.empty();
        }
    }

    private static byte[] orEmpty(byte[] bytes) {
        return bytes == null ? new byte[0] : bytes;
    }
}
