package dev.tradeloop.portfolio.alerts;

import static dev.tradeloop.support.jdbc.Sql.update;

import dev.tradeloop.events.Alert;
import dev.tradeloop.support.jdbc.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;

/**
 * Queues each alert for the webhook in the projection's transaction, so an alert read is never
 * lost: PENDING to be sent, SUPPRESSED when one with the same code about the same position or
 * market was sent or queued within the de-duplication window, EXPIRED when it is too old to matter
 * (a replay of the log), and nothing at all when no webhook is configured.
 */
@ApplicationScoped
public class AlertDeliveries {

    private final AlertWebhookConfig config;
    private final Clock clock;

    public AlertDeliveries(AlertWebhookConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    public void enqueue(Connection db, Alert alert) throws SQLException {
        if (config.webhookUrl().isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        String key = dedupKey(alert);
        String status;
        if (alert.occurredAt().isBefore(now.minus(config.maxAge()))) {
            status = "EXPIRED";
        } else if (recentlyQueued(db, key, alert.occurredAt())) {
            status = "SUPPRESSED";
        } else {
            status = "PENDING";
        }
        update(db, """
                INSERT INTO alert_delivery (event_id, occurred_at, dedup_key, status, next_attempt_at)
                VALUES (?, ?, ?, ?, ?) ON CONFLICT (event_id) DO NOTHING""",
                alert.eventId(), alert.occurredAt(), key, status, status.equals("PENDING") ? now : null);
    }

    /** The same code about the same position, else market, else from the same source. */
    static String dedupKey(Alert alert) {
        return alert.code() + ":" + alert.positionId().or(alert::marketTicker).orElse(alert.source());
    }

    private boolean recentlyQueued(Connection db, String key, Instant at) throws SQLException {
        return Sql.first(db, """
                SELECT 1 FROM alert_delivery WHERE dedup_key = ? AND status IN ('PENDING', 'SENT', 'FAILED')
                    AND occurred_at > ? AND occurred_at <= ? LIMIT 1""", row -> true, key,
                at.minus(config.dedupWindow()), at).isPresent();
    }
}
