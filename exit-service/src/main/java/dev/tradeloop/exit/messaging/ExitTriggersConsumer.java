package dev.tradeloop.exit.messaging;

import dev.tradeloop.events.Topics;
import dev.tradeloop.exit.ExitDesk;
import dev.tradeloop.ledger.LedgerIntake;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Reads {@code exit-triggers} into the exit ledger (see {@link LedgerIntake}: none lost, malformed ones dead-lettered). */
@ApplicationScoped
public class ExitTriggersConsumer {

    private final LedgerIntake intake;
    private final ExitDesk desk;

    public ExitTriggersConsumer(LedgerIntake intake, ExitDesk desk) {
        this.intake = intake;
        this.desk = desk;
    }

    @Incoming(Topics.EXIT_TRIGGERS_NAME)
    @Blocking
    public void onRecord(ConsumerRecord<String, byte[]> record) throws InterruptedException {
        intake.take(record, Topics.EXIT_TRIGGERS, desk::accept);
    }
}
