package dev.tradeloop.ledger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;

/** Writes events into the outbox table, inside the caller's transaction. */
final class Outbox {

    private Outbox() {
    }

    static void write(Connection connection, List<Outgoing> events, Timestamp at) throws SQLException {
        if (events.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO outbox (event_id, topic, record_key, payload, event_type, created_at) VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (event_id) DO NOTHING""")) {
            for (Outgoing event : events) {
                insert.setObject(1, event.eventId());
                insert.setString(2, event.topic());
                insert.setString(3, event.key());
                insert.setString(4, OrderLedger.text(event.payload()));
                insert.setString(5, event.event().type());
                insert.setTimestamp(6, at);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }
}
