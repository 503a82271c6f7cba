package dev.tradeloop.edge.messaging;

import dev.tradeloop.events.Topics;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.KafkaConsumerRebalanceListener;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;

/**
 * When this instance is given partitions, it reads their predictions from the start of the compacted
 * topic, so after a restart or a rebalance it knows the latest prediction of every market it now
 * owns. Ticks go on from the committed offset: old ones are stale anyway.
 */
@ApplicationScoped
@Identifier(RewindPredictions.NAME)
public class RewindPredictions implements KafkaConsumerRebalanceListener {

    public static final String NAME = "rewind-predictions";

    @Override
    public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        List<TopicPartition> predictions = partitions.stream()
                .filter(partition -> partition.topic().equals(Topics.PREDICTIONS.name()))
                .toList();
        if (!predictions.isEmpty()) {
            consumer.seekToBeginning(predictions);
        }
    }
}
