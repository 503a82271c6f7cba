package dev.tradeloop.monitor.streams;

import dev.tradeloop.events.RiskDecision;
import dev.tradeloop.events.Topics;
import dev.tradeloop.events.json.EventDecodingException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.jboss.logging.Logger;

/**
 * The best opportunity waiting for capital: the largest edge the risk gate turned away only for want of
 * room (open positions or total exposure) in the last {@link #FRESH} minutes, the signal of the
 * {@code REBALANCE} exit condition. Kept in a global store every task reads, fed from
 * {@code risk-decisions}.
 */
public record WaitingEdge(BigDecimal edge, String marketTicker, Instant at) {

    /** How long a turned-away edge counts as waiting: a model that still sees it says so again. */
    public static final Duration FRESH = Duration.ofMinutes(5);

    static final String KEY = "best";

    /** The waiting edge at {@code now}, if one is fresh. */
    static Optional<BigDecimal> at(KeyValueStore<String, WaitingEdge> store, Instant now) {
        return Optional.ofNullable(store.get(KEY)).filter(w -> w.isFreshAt(now)).map(WaitingEdge::edge);
    }

    boolean isFreshAt(Instant now) {
        return !now.isAfter(at.plus(FRESH));
    }

    /** Keeps the best fresh waiting edge from the risk gate's decisions; what cannot be read is skipped. */
    static final class Feed implements Processor<String, byte[], Void, Void> {

        private static final Logger LOG = Logger.getLogger(Feed.class);
        private KeyValueStore<String, WaitingEdge> store;

        @Override
        public void init(ProcessorContext<Void, Void> context) {
            store = context.getStateStore(MonitorTopology.WAITING_EDGE);
        }

        @Override
        public void process(Record<String, byte[]> record) {
            RiskDecision decision;
            try {
                decision = Topics.RISK_DECISIONS.codec().decode(record.value());
            } catch (EventDecodingException e) {
                LOG.warnf("risk decision at key %s skipped: %s", record.key(), e.getMessage());
                return;
            }
            if (!decision.waitsForCapital()) {
                return;
            }
            WaitingEdge held = store.get(KEY);
            WaitingEdge offered = new WaitingEdge(decision.edge(), decision.marketTicker(), decision.occurredAt());
            if (held == null || !held.isFreshAt(offered.at()) || offered.edge().compareTo(held.edge()) >= 0) {
                store.put(KEY, offered);
            }
        }
    }
}
