package dev.tradeloop.order.messaging;

import dev.tradeloop.events.ApprovedTrade;
import dev.tradeloop.events.OperationalError.ErrorKind;
import dev.tradeloop.events.Topics;
import dev.tradeloop.events.json.EventDecodingException;
import dev.tradeloop.order.EntryDesk;
import dev.tradeloop.support.DeadLetters;
import dev.tradeloop.support.OperationalErrors;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Reads {@code approved-trades}: each is written to the order ledger before its offset is committed,
 * so none is lost; while the database refuses, the consumer waits and tries again rather than skip
 * it. A malformed message goes to the dead-letter topic with its reason.
 */
@ApplicationScoped
public class ApprovedTradesConsumer {

    private final EntryDesk desk;
    private final DeadLetters deadLetters;
    private final OperationalErrors errors;

    public ApprovedTradesConsumer(EntryDesk desk, DeadLetters deadLetters, OperationalErrors errors) {
        this.desk = desk;
        this.deadLetters = deadLetters;
        this.errors = errors;
    }

    @Incoming(Topics.APPROVED_TRADES_NAME)
    @Blocking
    public void onRecord(ConsumerRecord<String, byte[]> record) throws InterruptedException {
        ApprovedTrade trade;
        try {
            trade = Topics.APPROVED_TRADES.codec().decode(record.value());
        } catch (EventDecodingException e) {
            deadLetters.send(record, e.failure(), e.detail());
            return;
        }
        long pause = 200;
        while (true) {
            try {
                desk.accept(trade);
                return;
            } catch (SQLException e) {
                errors.report(ErrorKind.DATABASE, "record approved trade", e.getMessage(), trade.correlationId());
                Thread.sleep(pause); // the database is refusing: wait, then try the same trade again
                pause = Math.min(pause * 2, 10_000);
            }
        }
    }
}
