package dev.tradeloop.order.messaging;

import dev.tradeloop.events.Topics;
import dev.tradeloop.ledger.LedgerIntake;
import dev.tradeloop.order.EntryDesk;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Reads {@code approved-trades} into the order ledger (see {@link LedgerIntake}: none lost, malformed ones dead-lettered). */
@ApplicationScoped
public class ApprovedTradesConsumer {

    private final LedgerIntake intake;
    private final EntryDesk desk;

    public ApprovedTradesConsumer(LedgerIntake intake, EntryDesk desk) {
        this.intake = intake;
        this.desk = desk;
    }

    @Incoming(Topics.APPROVED_TRADES_NAME)
    @Blocking
    public void onRecord(ConsumerRecord<String, byte[]> record) throws InterruptedException {
        intake.take(record, Topics.APPROVED_TRADES, desk::accept);
    }
}
