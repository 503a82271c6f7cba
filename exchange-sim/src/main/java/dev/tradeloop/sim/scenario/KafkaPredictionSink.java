package dev.tradeloop.sim.scenario;

import dev.tradeloop.events.KafkaUser;
import dev.tradeloop.events.Prediction;
import dev.tradeloop.events.Topics;
import dev.tradeloop.events.json.EventCodec;
import io.quarkus.logging.Log;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes the scenario model's predictions to {@code predictions}, keyed by market ticker, as the
 * broker's user {@code scenario-model}, which may write that topic and nothing else.
 */
final class KafkaPredictionSink implements PredictionSink, AutoCloseable {

    private final KafkaProducer<String, byte[]> producer;
    private final EventCodec<Prediction> codec = Topics.PREDICTIONS.codec();

    KafkaPredictionSink(String bootstrapServers, String password) {
        Map<String, Object> config = new HashMap<>(KafkaUser.clientSettings(bootstrapServers,
                KafkaUser.SCENARIO_MODEL.userName(), password));
        config.putAll(Map.of(
                ProducerConfig.CLIENT_ID_CONFIG, "exchange-sim-model",
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true"));
        this.producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    }

    @Override
    public void publish(Prediction prediction) {
        producer.send(new ProducerRecord<>(Topics.PREDICTIONS.name(), prediction.marketTicker(), codec.encode(prediction)),
                (written, failure) -> {
                    if (failure != null) {
                        Log.warnf("prediction for %s not published: %s", prediction.marketTicker(), failure.getMessage());
                    }
                });
    }

    @Override
    public void close() {
        producer.close();
    }
}
