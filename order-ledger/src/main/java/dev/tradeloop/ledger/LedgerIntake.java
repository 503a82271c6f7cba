package dev.tradeloop.ledger;

import dev.tradeloop.events.Event;
import dev.tradeloop.events.OperationalError.ErrorKind;
import dev.tradeloop.events.Topic;
import dev.tradeloop.events.json.EventDecodingException;
import dev.tradeloop.support.Correlation;
import dev.tradeloop.support.DeadLetters;
import dev.tradeloop.support.OperationalErrors;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Takes a request off its topic into the ledger (an approved entry, an exit trigger): it is written
 * before its offset is committed, so none is lost; while the database refuses, the consumer waits and
 * tries the same request again rather than skip it. A malformed message, or one the ledger can never
 * take (a value PostgreSQL refuses as data, not as an outage), goes to the dead-letter topic with its
 * reason, and the consumer goes on.
 */
@ApplicationScoped
public class LedgerIntake {

    /** What to do with a decoded request: record it in the ledger (and start it). */
    public interface Recorder<V> {
        void record(V request) throws SQLException;
    }

    private final DeadLetters deadLetters;
    private final OperationalErrors errors;

    public LedgerIntake(DeadLetters deadLetters, OperationalErrors errors) {
        this.deadLetters = deadLetters;
        this.errors = errors;
    }

    public <V extends Event> void take(ConsumerRecord<String, byte[]> record, Topic<V> topic, Recorder<V> recorder)
            throws InterruptedException {
        V request;
        try {
            request = topic.codec().decode(record.value());
        } catch (EventDecodingException e) {
            deadLetters.send(record, e.failure(), e.detail());
            return;
        }
        deadLetters.processOrDeadLetter(record, () -> {
            long pause = 200;
            while (true) {
                try (Correlation correlation = Correlation.of(request.correlationId())) {
                    recorder.record(request);
                    return;
                } catch (SQLException e) {
                    if (isTheRequestsFault(e)) {
                        throw new IllegalArgumentException("the ledger cannot take it: " + e.getMessage(), e);
                    }
                    errors.report(ErrorKind.DATABASE, "record " + topic.name(), e.getMessage(),
                            request.correlationId());
                    Thread.sleep(pause); // the database is refusing: wait, then try the same request again
                    pause = Math.min(pause * 2, 10_000);
                }
            }
        });
    }

    /** A data exception or a broken constraint: the request's values, which no retry changes. */
    private static boolean isTheRequestsFault(SQLException e) {
        String state = String.valueOf(e.getSQLState());
        return state.startsWith("22") || state.startsWith("23");
    }
}
