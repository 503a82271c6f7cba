package dev.tradeloop.exit.messaging;

import dev.tradeloop.events.ExitTrigger;
import dev.tradeloop.events.OperationalError.ErrorKind;
import dev.tradeloop.events.Topics;
import dev.tradeloop.events.json.EventDecodingException;
import dev.tradeloop.exit.ExitDesk;
import dev.tradeloop.support.DeadLetters;
import dev.tradeloop.support.OperationalErrors;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Reads {@code exit-triggers}: each is written to the order ledger before its offset is committed,
 * so none is lost; while the database refuses, the consumer waits and tries again rather than skip
 * it. A malformed message goes to the dead-letter topic with its reason.
 */
@ApplicationScoped
public class ExitTriggersConsumer {

    private final ExitDesk desk;
    private final DeadLetters deadLetters;
    private final OperationalErrors errors;

    public ExitTriggersConsumer(ExitDesk desk, DeadLetters deadLetters, OperationalErrors errors) {
        this.desk = desk;
        this.deadLetters = deadLetters;
        this.errors = errors;
    }

    @Incoming(Topics.EXIT_TRIGGERS_NAME)
    @Blocking
    public void onRecord(ConsumerRecord<String, byte[]> record) throws InterruptedException {
        ExitTrigger trigger;
        try {
            trigger = Topics.EXIT_TRIGGERS.codec().decode(record.value());
        } catch (EventDecodingException e) {
            deadLetters.send(record, e.failure(), e.detail());
            return;
        }
        long pause = 200;
        while (true) {
            try {
                desk.accept(trigger);
                return;
            } catch (SQLException e) {
                errors.report(ErrorKind.DATABASE, "record exit trigger", e.getMessage(), trigger.correlationId());
                Thread.sleep(pause); // the database is refusing: wait, then try the same trigger again
                pause = Math.min(pause * 2, 10_000);
            }
        }
    }
}
