package dev.tradeloop.portfolio.projection;

import static dev.tradeloop.support.jdbc.Sql.update;

import dev.tradeloop.events.Alert;
import dev.tradeloop.events.Event;
import dev.tradeloop.events.Fill;
import dev.tradeloop.events.OrderEvent;
import dev.tradeloop.events.PositionEvent;
import dev.tradeloop.events.PositionMarked;
import dev.tradeloop.events.ReconciliationRun;
import dev.tradeloop.events.RiskDecision;
import dev.tradeloop.events.TradingState;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Applies one event to the read tables, once: the event id is recorded first, and an event already
 * recorded (a redelivery, a replay over rows that were kept) changes nothing. A mark is the exception:
 * the latest value of a compacted topic, applied again it changes nothing, and recording every mark's
 * id would grow a table for ever.
 */
public final class Projector {

    private Projector() {
    }

    /** Applies {@code event} within the caller's transaction; false when it had been applied before. */
    public static boolean apply(Connection db, String topic, Event event) throws SQLException {
        if (event instanceof PositionMarked marked) {
            PositionProjection.mark(db, marked); // a latest value: applying it again changes nothing
            return true;
        }
        int recorded = update(db, """
                INSERT INTO projected_event (event_id, topic, occurred_at) VALUES (?, ?, ?)
                ON CONFLICT (event_id) DO NOTHING""", event.eventId(), topic, event.occurredAt());
        if (recorded == 0) {
            return false;
        }
        if (event instanceof PositionEvent position) {
            PositionProjection.apply(db, position);
        } else if (event instanceof OrderEvent order) {
            ActivityProjection.order(db, order);
        } else if (event instanceof Fill fill) {
            ActivityProjection.fill(db, fill);
        } else if (event instanceof RiskDecision decision) {
            ActivityProjection.decision(db, decision);
        } else if (event instanceof Alert alert) {
            ActivityProjection.alert(db, alert);
        } else if (event instanceof TradingState state) {
            ActivityProjection.tradingState(db, state);
        } else if (event instanceof ReconciliationRun run) {
            ActivityProjection.reconciliation(db, run);
        }
        return true;
    }

    /** Where reading {@code topic}'s partition goes on from: the offset after the last one applied. */
    public static void advance(Connection db, String topic, int partition, long nextOffset) throws SQLException {
        update(db, """
                INSERT INTO read_offset (topic, partition_no, next_offset) VALUES (?, ?, ?)
                ON CONFLICT (topic, partition_no) DO UPDATE SET next_offset = EXCLUDED.next_offset""",
                topic, partition, nextOffset);
    }
}
