package dev.tradeloop.monitor.streams;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.processor.StateRestoreListener;

/**
 * Which of this instance's state stores are being restored from their changelogs now (after a
 * restart or a rebalance). While any is, a query of the positions would miss theirs: it is
 * answered 503 instead of with part of the answer. Quarkus registers this bean with Kafka Streams.
 */
@ApplicationScoped
public class RestoringStores implements StateRestoreListener {

    private final Set<String> restoring = ConcurrentHashMap.newKeySet();

    /** True while a store of this instance is being restored. */
    public boolean any() {
        return !restoring.isEmpty();
    }

    @Override
    public void onRestoreStart(TopicPartition partition, String store, long startingOffset, long endingOffset) {
        restoring.add(store + "@" + partition);
    }

    @Override
    public void onBatchRestored(TopicPartition partition, String store, long batchEndOffset, long restored) {
    }

    @Override
    public void onRestoreEnd(TopicPartition partition, String store, long totalRestored) {
        restoring.remove(store + "@" + partition);
    }

    @Override
    public void onRestoreSuspended(TopicPartition partition, String store, long totalRestored) {
        restoring.remove(store + "@" + partition); // the task moved to another instance, which restores it there
    }
}
