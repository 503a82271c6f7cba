package dev.tradeloop.ledger;

import dev.tradeloop.support.jdbc.Sql;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/** Writes events into the outbox table, inside the caller's transaction. */
final class Outbox {

    private Outbox() {
    }

    static void write(Connection connection, List<Outgoing> events, Instant at) throws SQLException {
        Sql.batch(connection, """
                INSERT INTO outbox (event_id, topic, record_key, payload, event_type, created_at) VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (event_id) DO NOTHING""", events.stream().map(event -> new Object[] {event.eventId(),
                        event.topic(), event.key(), OrderLedger.text(event.payload()), event.event().type(), at})
                .toList());
    }
}
