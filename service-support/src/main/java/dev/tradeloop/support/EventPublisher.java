package dev.tradeloop.support;

import dev.tradeloop.events.Event;
import dev.tradeloop.events.Topic;
import dev.tradeloop.events.Topics;
import io.quarkus.logging.Log;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.ApiException;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Writes events to catalog topics: typed by {@link Topic}, so no topic name is spelled, and
 * durable (all in-sync replicas acknowledge, the producer is idempotent) before it returns.
 */
@ApplicationScoped
public class EventPublisher {

    private static final long SEND_TIMEOUT_SECONDS = 30;

    private final KafkaProducer<String, byte[]> producer;
    private final EventMetrics metrics;

    public EventPublisher(KafkaClientSettings kafka,
            @ConfigProperty(name = "quarkus.application.name") String application, EventMetrics metrics) {
        this.metrics = metrics;
        this.producer = new KafkaProducer<>(kafka.with(Map.of(
                ProducerConfig.CLIENT_ID_CONFIG, application + "-publisher",
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true",
                ProducerConfig.LINGER_MS_CONFIG, "0")),
                new StringSerializer(), new ByteArraySerializer());
    }

    /** Publishes {@code event} under {@code key} and waits until the broker has it. */
    public <V extends Event> RecordMetadata publish(Topic<V> topic, String key, V event) {
        RecordMetadata written = send(topic.name(), key, topic.codec().encode(event));
        metrics.published(topic, event);
        Log.debugf("published %s %s to %s-%d@%d correlationId=%s", event.type(), event.eventId(),
                written.topic(), written.partition(), written.offset(), event.correlationId());
        return written;
    }

    /**
     * Hands {@code event} to the producer and returns at once, without waiting for the broker:
     * {@code whenDone} hears its answer later, on the producer's thread (empty when written, else
     * why not). For a stream in which each record supersedes the last (price ticks): the records of
     * a key stay in the order they were handed over (the producer is idempotent) and are as durable
     * as {@link #publish}'s (acks=all); what the caller loses is only the wait.
     */
    public <V extends Event> void publishWithoutWaiting(Topic<V> topic, String key, V event,
            Consumer<Optional<Exception>> whenDone) {
        producer.send(new ProducerRecord<>(topic.name(), key, topic.codec().encode(event)), (written, failure) -> {
            if (failure == null) {
                metrics.published(topic, event);
            }
            whenDone.accept(Optional.ofNullable(failure));
        });
    }

    /**
     * Publishes an already encoded event (from an outbox) of type {@code type} to the catalog topic
     * named {@code topic}, without decoding it; a topic outside the catalog is refused as a
     * {@link RecordRefusedException}.
     */
    public RecordMetadata publishEncoded(String topic, String key, byte[] value, String type) {
        if (Topics.byName(topic).isEmpty()) {
            throw new RecordRefusedException("no catalog topic is named " + topic);
        }
        RecordMetadata written = send(topic, key, value);
        metrics.relayed(topic, type);
        return written;
    }

    RecordMetadata send(String topic, String key, byte[] value) {
        try {
            return producer.send(new ProducerRecord<>(topic, key, value)).get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PublishFailedException(topic, e);
        } catch (ExecutionException e) {
            if (RecordRefusedException.refuses(e.getCause())) {
                throw new RecordRefusedException("the broker refuses the record for " + topic + ": "
                        + e.getCause().getMessage());
            }
            throw new PublishFailedException(topic, e);
        } catch (TimeoutException | KafkaException e) {
            if (RecordRefusedException.refuses(e)) {
                throw new RecordRefusedException("the broker refuses the record for " + topic + ": " + e.getMessage());
            }
            throw new PublishFailedException(topic, e);
        }
    }

    @PreDestroy
    void close() {
        producer.close();
    }

    /**
     * The record itself can never be written (no such topic, too large, ...): trying again cannot
     * help, unlike a broker that is away or an account not allowed to write (a setting to correct).
     */
    public static class RecordRefusedException extends RuntimeException {
        RecordRefusedException(String message) {
            super(message);
        }

        static boolean refuses(Throwable cause) {
            return cause instanceof ApiException
                    && !(cause instanceof RetriableException)
                    && !(cause instanceof AuthorizationException)
                    && !(cause instanceof AuthenticationException)
                    && !(cause instanceof ProducerFencedException)
                    && !(cause instanceof OutOfOrderSequenceException);
        }
    }

    /** The broker did not acknowledge a write in time; the caller must not treat it as done. */
    public static class PublishFailedException extends RuntimeException {
        PublishFailedException(String topic, Exception cause) {
            super("could not publish to " + topic + ": " + cause.getMessage(), cause);
        }
    }
}
