package dev.tradeloop.risk.messaging;

import dev.tradeloop.events.ApprovedTrade;
import dev.tradeloop.events.BalanceReported;
import dev.tradeloop.events.Event;
import dev.tradeloop.events.Fill;
import dev.tradeloop.events.OperationalError;
import dev.tradeloop.events.OrderEvent;
import dev.tradeloop.events.PositionEvent;
import dev.tradeloop.events.PositionMarked;
import dev.tradeloop.events.Topic;
import dev.tradeloop.events.Topics;
import dev.tradeloop.events.json.DecodeFailure;
import dev.tradeloop.events.json.EventDecodingException;
import dev.tradeloop.risk.HoldingsReconciliation;
import dev.tradeloop.risk.Portfolio;
import dev.tradeloop.risk.TradingStateAuthority;
import dev.tradeloop.support.DeadLetters;
import dev.tradeloop.support.KafkaClientSettings;
import dev.tradeloop.support.RawConsumers;
import dev.tradeloop.support.Workers;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;

/**
 * Rebuilds the {@link Portfolio} from the event log on every start, then keeps it current: every
 * partition of {@code approved-trades}, {@code order-events}, {@code fills}, {@code position-events},
 * {@code position-marks}, {@code account-balance} and {@code operational-errors} is read from its beginning by this
 * instance alone (no consumer group), in a thread of its own. Edges wait until what was on the log at
 * start has been read ({@link #awaitCaughtUp}), so no decision is made on half a portfolio. An event
 * that decodes but cannot be applied is dead-lettered with the reason (by the run that first read
 * it) and the feed goes on; should the feed stop all the same, the service goes unready and alerts.
 */
@ApplicationScoped
public class PortfolioFeed {

    private static final List<Topic<?>> TOPICS = List.of(Topics.APPROVED_TRADES, Topics.ORDER_EVENTS, Topics.FILLS,
            Topics.POSITION_EVENTS, Topics.POSITION_MARKS, Topics.ACCOUNT_BALANCE, Topics.OPERATIONAL_ERRORS);

    private final Portfolio portfolio;
    private final TradingStateAuthority authority;
    private final DeadLetters deadLetters;
    private final KafkaClientSettings kafka;
    private final Workers workers;
    private final HoldingsReconciliation holdings;
    private final CountDownLatch caughtUp = new CountDownLatch(1);
    private KafkaConsumer<String, byte[]> consumer;
    private Thread thread;
    private volatile boolean running = true;

    public PortfolioFeed(Portfolio portfolio, TradingStateAuthority authority, DeadLetters deadLetters,
            KafkaClientSettings kafka, Workers workers, HoldingsReconciliation holdings) {
        this.workers = workers;
        this.holdings = holdings;
        this.portfolio = portfolio;
        this.authority = authority;
        this.deadLetters = deadLetters;
        this.kafka = kafka;
    }

    void onStart(@Observes StartupEvent start) {
        consumer = RawConsumers.create(kafka,
                Map.of(ConsumerConfig.CLIENT_ID_CONFIG, "risk-service-portfolio"));
        List<TopicPartition> partitions = TOPICS.stream()
                .flatMap(topic -> consumer.partitionsFor(topic.name()).stream())
                .map(info -> new TopicPartition(info.topic(), info.partition()))
                .toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
        thread = new Thread(() -> run(ends), "portfolio-feed");
        thread.setDaemon(true);
        thread.start();
    }

    void onStop(@Observes ShutdownEvent stop) {
        running = false;
        if (consumer != null) {
            consumer.wakeup();
        }
    }

    /** Waits until the log as it was at start has been read; false when {@code timeout} passed first. */
    public boolean awaitCaughtUp(Duration timeout) throws InterruptedException {
        return caughtUp.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    public boolean isCaughtUp() {
        return caughtUp.getCount() == 0;
    }

    private void run(Map<TopicPartition, Long> ends) {
        try {
            while (running) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    boolean seenBefore = record.offset() < ends.getOrDefault(
                            new TopicPartition(record.topic(), record.partition()), 0L);
                    apply(record, seenBefore);
                }
                if (!isCaughtUp() && ends.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue())) {
                    caughtUp.countDown();
                    Log.info("portfolio rebuilt from the event log");
                }
            }
        } catch (WakeupException stopping) {
            // shutting down
        } catch (RuntimeException | Error e) {
            Log.errorf(e, "the portfolio feed stopped");
            workers.stopped("portfolio-feed", e);
        } finally {
            consumer.close();
        }
    }

    /** A malformed message already on the log at start was dead-lettered by the run that first read it. */
    private void apply(ConsumerRecord<String, byte[]> record, boolean seenBefore) {
        Topic<?> topic = Topics.byName(record.topic()).orElseThrow();
        Event event;
        try {
            event = topic.codec().decode(record.value());
        } catch (EventDecodingException e) {
            if (!seenBefore) {
                deadLetters.send(record, e.failure(), e.detail());
            }
            return;
        }
        try {
            applyEvent(event);
        } catch (RuntimeException e) {
            Log.errorf(e, "could not apply %s %s from %s-%d@%d", event.type(), event.eventId(), record.topic(),
                    record.partition(), record.offset());
            if (!seenBefore) {
                deadLetters.send(record, DecodeFailure.PROCESSING_FAILED, e.getClass().getSimpleName() + ": "
                        + e.getMessage());
            }
        }
    }

    private void applyEvent(Event event) {
        if (event instanceof ApprovedTrade trade) {
            portfolio.apply(trade);
        } else if (event instanceof OrderEvent order) {
            portfolio.apply(order);
        } else if (event instanceof Fill fill) {
            portfolio.apply(fill);
        } else if (event instanceof PositionEvent position) {
            portfolio.apply(position);
        } else if (event instanceof PositionMarked marked) {
            portfolio.apply(marked);
        } else if (event instanceof BalanceReported balance) {
            portfolio.balance(balance);
            if (isCaughtUp()) {
                holdings.reported(balance);
            }
        } else if (event instanceof OperationalError error) {
            authority.onError(error);
        }
    }
}
