package dev.tradeloop.edge.messaging;

import dev.tradeloop.edge.EdgeScanner;
import dev.tradeloop.edge.PredictionCheck;
import dev.tradeloop.events.Edge;
import dev.tradeloop.events.Prediction;
import dev.tradeloop.events.PriceTick;
import dev.tradeloop.events.Topics;
import dev.tradeloop.events.json.DecodeFailure;
import dev.tradeloop.events.json.EventDecodingException;
import dev.tradeloop.support.DeadLetters;
import dev.tradeloop.support.EventPublisher;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Reads {@code price-ticks} and {@code predictions} in one consumer, so one instance holds both
 * topics' same partitions (they are co-partitioned by market), and publishes the edges they show on
 * {@code edges}. A message that is not a valid event, or an absurd prediction, goes to its topic's
 * dead-letter topic with the reason; a bad prediction or a failed computation counts as a model error.
 */
@ApplicationScoped
public class MarketInputsConsumer {

    /** The channel's name in the configuration. */
    public static final String CHANNEL = "market-inputs";

    private final EdgeScanner scanner;
    private final EventPublisher publisher;
    private final DeadLetters deadLetters;
    private final ModelErrors modelErrors;
    private final Clock clock;

    public MarketInputsConsumer(EdgeScanner scanner, EventPublisher publisher, DeadLetters deadLetters,
            ModelErrors modelErrors, Clock clock) {
        this.scanner = scanner;
        this.publisher = publisher;
        this.deadLetters = deadLetters;
        this.modelErrors = modelErrors;
        this.clock = clock;
    }

    @Incoming(CHANNEL)
    public void onRecord(ConsumerRecord<String, byte[]> record) {
        boolean isPrediction = record.topic().equals(Topics.PREDICTIONS.name());
        try {
            if (isPrediction) {
                onPrediction(record, Topics.PREDICTIONS.codec().decode(record.value()));
            } else {
                onTick(Topics.PRICE_TICKS.codec().decode(record.value()));
            }
        } catch (EventDecodingException e) {
            deadLetters.send(record, e.failure(), e.detail());
            if (isPrediction) {
                modelErrors.record(String.valueOf(record.key()), e.detail());
            }
        } catch (RuntimeException e) {
            Log.errorf(e, "edge computation failed on %s-%d@%d", record.topic(), record.partition(), record.offset());
            deadLetters.send(record, DecodeFailure.PROCESSING_FAILED, String.valueOf(e.getMessage()));
            modelErrors.record(String.valueOf(record.key()), "edge computation failed: " + e.getMessage());
        }
    }

    private void onPrediction(ConsumerRecord<String, byte[]> record, Prediction prediction) {
        Optional<String> absurd = PredictionCheck.absurdity(prediction);
        if (absurd.isPresent()) {
            deadLetters.send(record, DecodeFailure.INVALID_VALUE, absurd.get());
            modelErrors.record(prediction.marketTicker(), absurd.get());
            return;
        }
        publish(scanner.onPrediction(prediction, clock.instant()));
    }

    private void onTick(PriceTick tick) {
        scanner.onTick(tick, clock.instant()).ifPresent(this::publish);
    }

    private void publish(EdgeScanner.Scan scan) {
        for (Edge edge : scan.edges()) {
            publisher.publish(Topics.EDGES, edge.marketTicker(), edge);
            Log.infof("edge on %s: buy %s at %s, edge %s under %s correlationId=%s", edge.marketTicker(), edge.side(),
                    edge.ask(), edge.edge().toPlainString(), edge.method(), edge.correlationId());
        }
        scan.skipped().forEach((method, reasons) -> Log.debugf("no edge under %s: %s", method, reasons));
    }
}
