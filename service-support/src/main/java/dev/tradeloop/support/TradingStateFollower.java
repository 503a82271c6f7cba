package dev.tradeloop.support;

import dev.tradeloop.events.Topics;
import dev.tradeloop.events.TradingState;
import dev.tradeloop.events.json.EventCodec;
import dev.tradeloop.events.json.EventDecodingException;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * This service's view of the account's trading state, read from the compacted
 * {@code trading-state} topic that risk-service alone writes. Every instance reads the whole topic
 * (its own consumer group), so each knows the state; until it does, {@link #current()} is empty
 * and the service must act as if trading were halted. The state later in the log wins, whatever the
 * times it carries say (a HALT stamped by a host whose clock is behind is still the latest word).
 */
@ApplicationScoped
public class TradingStateFollower {

    private final EventCodec<TradingState> codec = Topics.TRADING_STATE.codec();
    /** A state and where it is in the log (one key, so one partition): read again, an older one loses. */
    private record Placed(TradingState state, int partition, long offset) {

        boolean isAfter(Placed other) {
            return partition != other.partition || offset > other.offset;
        }
    }

    private final AtomicReference<Placed> current = new AtomicReference<>();
    private final DeadLetters deadLetters;

    public TradingStateFollower(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @Incoming(Topics.TRADING_STATE_NAME)
    public void onRecord(ConsumerRecord<String, byte[]> record) {
        TradingState state;
        try {
            state = codec.decode(record.value());
        } catch (EventDecodingException e) {
            deadLetters.send(record, e.failure(), e.detail());
            return;
        }
        Placed previous = current.getAndAccumulate(new Placed(state, record.partition(), record.offset()),
                (old, next) -> old == null || next.isAfter(old) ? next : old);
        if (previous == null || previous.state().mode() != state.mode()) {
            Log.infof("trading state is %s (flattenAll=%s) eventId=%s correlationId=%s", state.mode(),
                    state.flattenAll(), state.eventId(), state.correlationId());
        }
    }

    /** The latest trading state, or empty while none has been read. */
    public Optional<TradingState> current() {
        return Optional.ofNullable(current.get()).map(Placed::state);
    }

    /** True only when the state is known and allows new entries. */
    public boolean entriesAllowed() {
        return current().map(TradingState::entriesAllowed).orElse(false);
    }

    /** True only when the state is known and allows exits. */
    public boolean exitsAllowed() {
        return current().map(TradingState::exitsAllowed).orElse(false);
    }
}
