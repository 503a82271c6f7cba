package dev.tradeloop.risk.messaging;

import dev.tradeloop.events.Edge;
import dev.tradeloop.events.Topics;
import dev.tradeloop.events.json.EventCodec;
import dev.tradeloop.events.json.EventDecodingException;
import dev.tradeloop.risk.RiskDesk;
import dev.tradeloop.support.Correlation;
import dev.tradeloop.support.DeadLetters;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Reads {@code edges} and hands each to the {@link RiskDesk}; a malformed one, or one the desk fails
 * on, is dead-lettered with its reason, and the next is read.
 */
@ApplicationScoped
public class EdgesConsumer {

    private final EventCodec<Edge> codec = Topics.EDGES.codec();
    private final RiskDesk desk;
    private final DeadLetters deadLetters;

    public EdgesConsumer(RiskDesk desk, DeadLetters deadLetters) {
        this.desk = desk;
        this.deadLetters = deadLetters;
    }

    @Incoming(Topics.EDGES_NAME)
    @Blocking
    public void onRecord(ConsumerRecord<String, byte[]> record) throws InterruptedException {
        Edge edge;
        try {
            edge = codec.decode(record.value());
        } catch (EventDecodingException e) {
            deadLetters.send(record, e.failure(), e.detail());
            return;
        }
        deadLetters.processOrDeadLetter(record, () -> {
            try (Correlation correlation = Correlation.of(edge.correlationId())) {
                desk.decide(edge);
            }
        });
    }
}
