package dev.tradeloop.portfolio.alerts;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tradeloop.support.Workers;
import dev.tradeloop.support.jdbc.Sql;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Sends the queued alerts to the webhook as JSON ({@code text} for Slack, {@code content} for
 * Discord, and every field of the alert), in the order they happened. A send the receiver does not
 * accept with a 2xx is tried again after a wait that doubles, up to a minute; after
 * {@code max-attempts} it is marked FAILED and logged as an error. The alert's event id goes in the
 * {@code Idempotency-Key} header, so a receiver can drop the duplicate a crash between its answer
 * and the mark could cause.
 */
@ApplicationScoped
public class AlertSender {

    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration LONGEST_WAIT = Duration.ofMinutes(1);

    private final DataSource dataSource;
    private final AlertWebhookConfig config;
    private final ObjectMapper json;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private Thread thread;
    private volatile boolean running = true;

    private final Workers workers;

    public AlertSender(DataSource dataSource, AlertWebhookConfig config, ObjectMapper json, Clock clock,
            Workers workers) {
        this.workers = workers;
        this.dataSource = dataSource;
        this.config = config;
        this.json = json;
        this.clock = clock;
    }

    void onStart(@Observes StartupEvent start) {
        if (config.webhookUrl().isEmpty()) {
            Log.info("no alert webhook (tradeloop.alerts.webhook-url): alerts are shown, not sent");
            return;
        }
        thread = new Thread(workers.loop("alert-sender", this::run), "alert-sender");
        thread.setDaemon(true);
        thread.start();
    }

    void onStop(@Observes ShutdownEvent stop) {
        running = false;
        if (thread != null) {
            thread.interrupt();
        }
    }

    private void run() {
        URI webhook = config.webhookUrl().orElseThrow();
        while (running) {
            try {
                for (Map<String, Object> alert : due()) {
                    send(webhook, alert);
                }
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                return;
            } catch (SQLException e) {
                Log.warnf("alerts to send could not be read: %s", e.getMessage());
                sleepQuietly();
            }
        }
    }

    private List<Map<String, Object>> due() throws SQLException {
        try (Connection db = dataSource.getConnection()) {
            return Sql.list(db, """
                    SELECT d.event_id, d.attempts, a.occurred_at, a.correlation_id, a.severity, a.code, a.source,
                        a.message, a.position_id, a.market_ticker
                    FROM alert_delivery d JOIN alert a USING (event_id)
                    WHERE d.status = 'PENDING' AND d.next_attempt_at <= ?
                    ORDER BY a.occurred_at, d.event_id LIMIT 20""", AlertSender::alertOf, clock.instant());
        }
    }

    private static Map<String, Object> alertOf(ResultSet row) throws SQLException {
        Map<String, Object> alert = new LinkedHashMap<>();
        alert.put("eventId", row.getString("event_id"));
        alert.put("attempts", row.getInt("attempts"));
        alert.put("occurredAt", Sql.instant(row, "occurred_at").orElseThrow().toString());
        for (String column : List.of("correlation_id", "severity", "code", "source", "message", "position_id",
                "market_ticker")) {
            alert.put(camel(column), row.getString(column));
        }
        return alert;
    }

    private void send(URI webhook, Map<String, Object> alert) throws SQLException, InterruptedException {
        int attempts = (Integer) alert.remove("attempts") + 1;
        String summary = "[" + alert.get("severity") + "] " + alert.get("code") + " from " + alert.get("source")
                + ": " + alert.get("message");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("text", summary);
        body.put("content", summary);
        body.putAll(alert);
        String eventId = (String) alert.get("eventId");
        String failure;
        try {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(webhook).timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json").header("Idempotency-Key", eventId)
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() / 100 == 2) {
                mark(eventId, "SENT", attempts, null, null);
                return;
            }
            failure = "the webhook answered " + answer.statusCode();
        } catch (IOException e) {
            failure = "the webhook did not answer: " + e.getMessage();
        }
        if (attempts >= config.maxAttempts()) {
            Log.errorf("alert %s (%s) not delivered after %d attempts: %s", eventId, summary, attempts, failure);
            mark(eventId, "FAILED", attempts, failure, null);
        } else {
            mark(eventId, "PENDING", attempts, failure, clock.instant().plus(waitAfter(attempts)));
        }
    }

    private Duration waitAfter(int attempts) {
        Duration wait = config.firstRetry().multipliedBy(1L << Math.min(attempts - 1, 20));
        return wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait;
    }

    private void mark(String eventId, String status, int attempts, String error, Instant next) throws SQLException {
        try (Connection db = dataSource.getConnection()) {
            Sql.update(db, """
                    UPDATE alert_delivery SET status = ?, attempts = ?, last_error = ?, next_attempt_at = ?,
                        sent_at = CASE WHEN ? = 'SENT' THEN ? ELSE sent_at END
                    WHERE event_id = ?::uuid""", status, attempts, error, next, status, clock.instant(), eventId);
        }
    }

    private static String camel(String column) {
        int underscore = column.indexOf('_');
        return underscore < 0 ? column : column.substring(0, underscore)
                + Character.toUpperCase(column.charAt(underscore + 1)) + column.substring(underscore + 2);
    }

    private void sleepQuietly() {
        try {
            Thread.sleep(Duration.ofSeconds(1).toMillis());
        } catch (InterruptedException e) {
            running = false;
        }
    }
}
