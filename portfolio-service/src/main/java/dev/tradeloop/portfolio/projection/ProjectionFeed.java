package dev.tradeloop.portfolio.projection;

import dev.tradeloop.events.Alert;
import dev.tradeloop.events.Event;
import dev.tradeloop.events.Topic;
import dev.tradeloop.events.Topics;
import dev.tradeloop.events.json.DecodeFailure;
import dev.tradeloop.events.json.EventDecodingException;
import dev.tradeloop.portfolio.alerts.AlertDeliveries;
import dev.tradeloop.portfolio.live.LiveUpdates;
import dev.tradeloop.support.DeadLetters;
import dev.tradeloop.support.KafkaClientSettings;
import dev.tradeloop.support.RawConsumers;
import dev.tradeloop.support.Workers;
import dev.tradeloop.support.jdbc.Sql;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;

/**
 * Reads the projected topics in the {@code portfolio-service} consumer group and applies each poll
 * to the read tables in one transaction, together with the offsets it read to. The database, not
 * the group, remembers where reading goes on: on assignment a partition is sought to its stored
 * offset, or to its beginning when none is stored, so an emptied schema is rebuilt from offset 0.
 * While the database refuses, the same records are read again after a pause; nothing is skipped.
 * An event the projection cannot take (a value out of a column's range: the record's fault, not the
 * database's) is dead-lettered with the reason and set aside, and its poll is projected again
 * without it; should the feed stop all the same, the service goes unready and alerts.
 */
@ApplicationScoped
public class ProjectionFeed {

    public static final List<Topic<?>> TOPICS = List.of(Topics.POSITION_EVENTS, Topics.POSITION_MARKS,
            Topics.ORDER_EVENTS, Topics.FILLS, Topics.RISK_DECISIONS, Topics.TRADING_STATE, Topics.ALERTS,
            Topics.ACCOUNT_BALANCE);
    private static final Duration RETRY_AFTER = Duration.ofSeconds(1);

    private final DataSource dataSource;
    private final DeadLetters deadLetters;
    private final LiveUpdates live;
    private final AlertDeliveries alertDeliveries;
    private final KafkaClientSettings kafka;
    private final Workers workers;
    private final Map<TopicPartition, Long> stored = new HashMap<>();
    /** Records dead-lettered by this run: skipped when their poll is read again. */
    private final Set<Place> setAside = new HashSet<>();
    private KafkaConsumer<String, byte[]> consumer;
    private Thread thread;
    private volatile boolean running = true;
    private volatile boolean healthy = true;

    public ProjectionFeed(DataSource dataSource, DeadLetters deadLetters, LiveUpdates live,
            AlertDeliveries alertDeliveries, KafkaClientSettings kafka, Workers workers) {
        this.workers = workers;
        this.dataSource = dataSource;
        this.deadLetters = deadLetters;
        this.live = live;
        this.alertDeliveries = alertDeliveries;
        this.kafka = kafka;
    }

    void onStart(@Observes StartupEvent start) {
        consumer = RawConsumers.create(kafka, Map.of(
                ConsumerConfig.GROUP_ID_CONFIG, "portfolio-service",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "500"));
        thread = new Thread(this::run, "projection-feed");
        thread.setDaemon(true);
        thread.start();
    }

    void onStop(@Observes ShutdownEvent stop) {
        running = false;
        if (consumer != null) {
            consumer.wakeup();
        }
    }

    /** False while the database refuses the projection's writes. */
    public boolean healthy() {
        return healthy;
    }

    private void run() {
        try {
            consumer.subscribe(TOPICS.stream().map(Topic::name).toList(), new FromStoredOffsets());
            while (running) {
                ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(200));
                Map<TopicPartition, Long> moved = moved();
                if (!records.isEmpty() || !moved.isEmpty()) {
                    project(records, moved);
                }
            }
        } catch (WakeupException stopping) {
            // shutting down
        } catch (RuntimeException | Error e) {
            Log.errorf(e, "the projection feed stopped");
            workers.stopped("projection-feed", e);
        } finally {
            consumer.close();
        }
    }

    /** Where reading has moved to since it was stored: past records, and past transaction markers too. */
    private Map<TopicPartition, Long> moved() {
        Map<TopicPartition, Long> moved = new HashMap<>();
        for (TopicPartition partition : consumer.assignment()) {
            long position = consumer.position(partition);
            if (!Long.valueOf(position).equals(stored.get(partition))) {
                moved.put(partition, position);
            }
        }
        return moved;
    }

    private void project(ConsumerRecords<String, byte[]> records, Map<TopicPartition, Long> moved) {
        List<Event> applied = new ArrayList<>();
        try (Connection db = dataSource.getConnection()) {
            db.setAutoCommit(false);
            try {
                for (ConsumerRecord<String, byte[]> record : records) {
                    if (setAside.contains(Place.of(record))) {
                        continue;
                    }
                    Event event = decode(record);
                    if (event != null && project(db, record, event)) {
                        applied.add(event);
                    }
                }
                for (Map.Entry<TopicPartition, Long> position : moved.entrySet()) {
                    Projector.advance(db, position.getKey().topic(), position.getKey().partition(),
                            position.getValue());
                }
                db.commit();
                stored.putAll(moved);
            } catch (Unprojectable e) {
                db.rollback();
                deadLetters.send(e.record, DecodeFailure.PROCESSING_FAILED, e.getMessage());
                setAside.add(Place.of(e.record));
                rewind(records);
                return;
            } catch (SQLException | RuntimeException e) {
                db.rollback();
                throw e;
            }
            healthy = true;
            live.applied(applied);
        } catch (SQLException e) {
            healthy = false;
            Log.warnf("the projection could not be written (%s); reading the same records again in %s",
                    e.getMessage(), RETRY_AFTER);
            rewind(records);
            pause();
        }
    }

    /** Projects one event; throws {@link Unprojectable} when the event, not the database, is at fault. */
    private boolean project(Connection db, ConsumerRecord<String, byte[]> record, Event event) throws SQLException {
        try {
            boolean applied = Projector.apply(db, record.topic(), event);
            if (applied && event instanceof Alert alert) {
                alertDeliveries.enqueue(db, alert);
            }
            return applied;
        } catch (SQLException e) {
            String state = String.valueOf(e.getSQLState());
            if (state.startsWith("22") || state.startsWith("23")) { // a data exception, a constraint the event breaks
                throw new Unprojectable(record, e);
            }
            throw e;
        } catch (RuntimeException e) {
            throw new Unprojectable(record, e);
        }
    }

    private Event decode(ConsumerRecord<String, byte[]> record) {
        Topic<?> topic = Topics.byName(record.topic()).orElseThrow();
        try {
            return topic.codec().decode(record.value());
        } catch (EventDecodingException e) {
            deadLetters.send(record, e.failure(), e.detail());
            setAside.add(Place.of(record));
            return null;
        }
    }

    /** Where a record is in the log. */
    private record Place(String topic, int partition, long offset) {
        static Place of(ConsumerRecord<?, ?> record) {
            return new Place(record.topic(), record.partition(), record.offset());
        }
    }

    /** An event the read tables cannot take: dead-lettered, never retried. */
    private static final class Unprojectable extends RuntimeException {
        private final transient ConsumerRecord<String, byte[]> record;

        Unprojectable(ConsumerRecord<String, byte[]> record, Exception cause) {
            super(cause.getClass().getSimpleName() + ": " + cause.getMessage(), cause);
            this.record = record;
        }
    }

    private void rewind(ConsumerRecords<String, byte[]> records) {
        for (TopicPartition partition : records.partitions()) {
            consumer.seek(partition, records.records(partition).get(0).offset());
        }
    }

    private void pause() {
        try {
            Thread.sleep(RETRY_AFTER.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    /** Seeks every partition assigned to this instance to where the database says its projection ends. */
    private final class FromStoredOffsets implements ConsumerRebalanceListener {

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            stored.putAll(storedOffsets());
            List<TopicPartition> fresh = new ArrayList<>();
            for (TopicPartition partition : partitions) {
                Long next = stored.get(partition);
                if (next == null) {
                    fresh.add(partition);
                } else {
                    consumer.seek(partition, next);
                }
            }
            consumer.seekToBeginning(fresh);
            Log.infof("projecting %d partitions (%d from their beginning)", partitions.size(), fresh.size());
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            // the offsets are in the database with the rows; nothing to commit
            partitions.forEach(stored::remove);
        }

        private Map<TopicPartition, Long> storedOffsets() {
            while (running) {
                try (Connection db = dataSource.getConnection()) {
                    Map<TopicPartition, Long> offsets = new HashMap<>();
                    Sql.list(db, "SELECT topic, partition_no, next_offset FROM read_offset",
                            row -> Map.entry(new TopicPartition(row.getString("topic"), row.getInt("partition_no")),
                                    row.getLong("next_offset")))
                            .forEach(offset -> offsets.put(offset.getKey(), offset.getValue()));
                    healthy = true;
                    return offsets;
                } catch (SQLException e) {
                    healthy = false;
                    Log.warnf("the stored offsets could not be read (%s); trying again in %s", e.getMessage(),
                            RETRY_AFTER);
                    pause();
                }
            }
            return Map.of();
        }
    }
}
