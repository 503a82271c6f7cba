package dev.tradeloop.edge.messaging;

import dev.tradeloop.edge.LatestPredictions;
import dev.tradeloop.events.Prediction;
import dev.tradeloop.events.Topics;
import dev.tradeloop.events.json.EventCodec;
import dev.tradeloop.events.json.EventDecodingException;
import dev.tradeloop.support.DeadLetters;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Reads model predictions from {@code predictions}; a message that is not a valid prediction goes to
 * {@code predictions.dlq} with its reason and the next one is read.
 */
@ApplicationScoped
public class PredictionsConsumer {

    private final EventCodec<Prediction> codec = Topics.PREDICTIONS.codec();
    private final LatestPredictions latest;
    private final DeadLetters deadLetters;

    public PredictionsConsumer(LatestPredictions latest, DeadLetters deadLetters) {
        this.latest = latest;
        this.deadLetters = deadLetters;
    }

    @Incoming(Topics.PREDICTIONS_NAME)
    public void onRecord(ConsumerRecord<String, byte[]> record) {
        Prediction prediction;
        try {
            prediction = codec.decode(record.value());
        } catch (EventDecodingException e) {
            deadLetters.send(record, e.failure(), e.detail());
            return;
        }
        latest.accept(prediction);
        Log.debugf("prediction %s for %s: %s (confidence %s) correlationId=%s", prediction.eventId(),
                prediction.marketTicker(), prediction.probabilityYes(), prediction.confidence(), prediction.correlationId());
    }
}
