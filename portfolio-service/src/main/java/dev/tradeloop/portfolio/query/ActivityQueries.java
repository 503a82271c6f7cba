package dev.tradeloop.portfolio.query;

import dev.tradeloop.events.ReconciliationRun;
import dev.tradeloop.events.Topics;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/** What the loop decided and did: risk decisions, orders, alerts, and the log of them all. */
@ApplicationScoped
public class ActivityQueries {

    /** A risk decision with its reason codes. */
    public record DecisionView(String eventId, Instant at, String marketTicker, String outcome, List<String> reasons,
            String edge, String positionId, String contracts, String stake, String methodId, int methodVersion,
            String correlationId) {
    }

    public record AlertView(String eventId, Instant at, String severity, String code, String source, String message,
            String positionId, String marketTicker, String correlationId) {
    }

    /** One line of the live log: what happened, to which position or market, in words. */
    public record LogEntry(Instant at, String kind, String positionId, String marketTicker, String text) {
    }

    private final Rows rows;

    public ActivityQueries(DataSource dataSource) {
        this.rows = new Rows(dataSource);
    }

    public List<DecisionView> decisions(Optional<String> outcome, Optional<String> reason,
            Optional<String> marketTicker, int limit) {
        List<String> where = new ArrayList<>(List.of("TRUE"));
        List<Object> parameters = new ArrayList<>();
        outcome.ifPresent(value -> {
            where.add("outcome = ?");
            parameters.add(value);
        });
        reason.ifPresent(value -> {
            where.add("(',' || reasons || ',') LIKE ?");
            parameters.add("%," + value + ",%");
        });
        marketTicker.ifPresent(value -> {
            where.add("market_ticker = ?");
            parameters.add(value);
        });
        parameters.add(limit);
        return rows.list("""
                SELECT event_id, occurred_at, market_ticker, outcome, reasons, edge, position_id, contracts, stake,
                    method_id, method_version, correlation_id
                FROM risk_decision WHERE %s ORDER BY occurred_at DESC, event_id LIMIT ?"""
                .formatted(String.join(" AND ", where)), ActivityQueries::decision, parameters.toArray());
    }

    public List<OrderView> orders(Optional<String> positionId, Optional<String> purpose, int limit) {
        String where = "position_id = COALESCE(?, position_id) AND purpose = COALESCE(?, purpose)";
        Map<String, List<OrderView.Step>> steps = new LinkedHashMap<>();
        rows.list("""
                SELECT client_order_id, occurred_at, status, price, contracts, filled, exchange_error_code, note,
                    ending
                FROM order_event WHERE client_order_id IN (
                    SELECT client_order_id FROM exchange_order WHERE %s
                    ORDER BY created_at DESC, client_order_id LIMIT ?)
                ORDER BY occurred_at, event_id""".formatted(where), row -> Map.entry(row.getString("client_order_id"),
                        new OrderView.Step(Rows.instant(row, "occurred_at"), row.getString("status"),
                                Rows.money(row, "price"), Rows.count(row, "contracts"), Rows.count(row, "filled"),
                                row.getString("exchange_error_code"), row.getString("note"),
                                row.getString("ending"))),
                positionId, purpose, limit)
                .forEach(step -> steps.computeIfAbsent(step.getKey(), id -> new ArrayList<>()).add(step.getValue()));
        return rows.list("""
                SELECT client_order_id, position_id, market_ticker, purpose, side, action, attempt, order_id, status,
                    price, contracts, filled, strategy, priority, method_id, method_version, created_at, updated_at
                FROM exchange_order WHERE %s ORDER BY created_at DESC, client_order_id LIMIT ?""".formatted(where),
                row -> new OrderView(row.getString("client_order_id"), row.getString("position_id"),
                        row.getString("market_ticker"), row.getString("purpose"), row.getString("side"),
                        row.getString("action"), row.getInt("attempt"), row.getString("order_id"),
                        row.getString("status"), Rows.money(row, "price"), Rows.count(row, "contracts"),
                        Rows.count(row, "filled"), row.getString("strategy"), row.getString("priority"),
                        row.getString("method_id"), row.getInt("method_version"), Rows.instant(row, "created_at"),
                        Rows.instant(row, "updated_at"),
                        steps.getOrDefault(row.getString("client_order_id"), List.of())),
                positionId, purpose, limit);
    }

    public List<AlertView> alerts(int limit) {
        return rows.list("""
                SELECT event_id, occurred_at, severity, code, source, message, position_id, market_ticker,
                    correlation_id
                FROM alert ORDER BY occurred_at DESC, event_id LIMIT ?""",
                row -> new AlertView(row.getString("event_id"), Rows.instant(row, "occurred_at"),
                        row.getString("severity"), row.getString("code"), row.getString("source"),
                        row.getString("message"), row.getString("position_id"), row.getString("market_ticker"),
                        row.getString("correlation_id")), limit);
    }

    /** The last reconciliation of each scope (entries, exits, holdings), as published. */
    public List<ReconciliationRun> reconciliations() {
        return rows.list("SELECT run_json FROM reconciliation_run ORDER BY scope",
                row -> (ReconciliationRun) Topics.ACCOUNT_BALANCE.codec().decode(
                        row.getString("run_json").getBytes(StandardCharsets.UTF_8)));
    }

    /** The latest {@code limit} things that happened, newest first: decisions, entries, exits and alerts. */
    public List<LogEntry> log(int limit) {
        List<LogEntry> entries = new ArrayList<>();
        entries.addAll(rows.list("""
                SELECT occurred_at, market_ticker, outcome, reasons, edge, position_id, contracts, stake
                FROM risk_decision ORDER BY occurred_at DESC, event_id LIMIT ?""", ActivityQueries::decisionEntry,
                limit));
        entries.addAll(rows.list("""
                SELECT p.opened_at, p.position_id, p.market_ticker, p.side, p.entry_count, p.cost_basis
                FROM position p ORDER BY p.opened_at DESC, p.position_id LIMIT ?""", ActivityQueries::openedEntry,
                limit));
        entries.addAll(rows.list("""
                SELECT a.occurred_at, a.position_id, p.market_ticker, a.kind, a.reason, a.priority, a.contracts,
                    a.detail
                FROM exit_attempt a JOIN position p USING (position_id)
                ORDER BY a.occurred_at DESC, a.event_id LIMIT ?""", ActivityQueries::exitAttemptEntry, limit));
        entries.addAll(rows.list("""
                SELECT e.occurred_at, e.position_id, p.market_ticker, e.kind, e.contracts, e.price, e.realized_pnl,
                    e.exit_reason
                FROM position_exit e JOIN position p USING (position_id)
                ORDER BY e.occurred_at DESC, e.event_id LIMIT ?""", ActivityQueries::exitEntry, limit));
        entries.addAll(rows.list("""
                SELECT occurred_at, position_id, market_ticker, severity, code, message
                FROM alert ORDER BY occurred_at DESC, event_id LIMIT ?""", row -> new LogEntry(
                        Rows.instant(row, "occurred_at"), "ALERT", row.getString("position_id"),
                        row.getString("market_ticker"), row.getString("severity") + " " + row.getString("code") + ": "
                                + row.getString("message")), limit));
        return entries.stream().sorted(Comparator.comparing(LogEntry::at).reversed()).limit(limit).toList();
    }

    private static DecisionView decision(ResultSet row) throws SQLException {
        String reasons = row.getString("reasons");
        return new DecisionView(row.getString("event_id"), Rows.instant(row, "occurred_at"),
                row.getString("market_ticker"), row.getString("outcome"),
                reasons.isEmpty() ? List.of() : Arrays.asList(reasons.split(",")), Rows.money(row, "edge"),
                row.getString("position_id"), Rows.count(row, "contracts"), Rows.money(row, "stake"),
                row.getString("method_id"), row.getInt("method_version"), row.getString("correlation_id"));
    }

    private static LogEntry decisionEntry(ResultSet row) throws SQLException {
        boolean approved = "APPROVED".equals(row.getString("outcome"));
        String text = approved
                ? "approved " + Rows.count(row, "contracts") + " contracts ($" + Rows.money(row, "stake")
                        + "), edge " + Rows.money(row, "edge")
                : "rejected (" + row.getString("reasons").replace(",", ", ") + "), edge " + Rows.money(row, "edge");
        return new LogEntry(Rows.instant(row, "occurred_at"), approved ? "APPROVED" : "REJECTED",
                row.getString("position_id"), row.getString("market_ticker"), text);
    }

    private static LogEntry openedEntry(ResultSet row) throws SQLException {
        return new LogEntry(Rows.instant(row, "opened_at"), "OPENED", row.getString("position_id"),
                row.getString("market_ticker"), "opened " + row.getString("side") + " "
                        + Rows.count(row, "entry_count") + " contracts for $" + Rows.money(row, "cost_basis"));
    }

    private static LogEntry exitAttemptEntry(ResultSet row) throws SQLException {
        boolean triggered = "TRIGGERED".equals(row.getString("kind"));
        String text = triggered
                ? "exit " + row.getString("reason") + " (" + row.getString("priority") + ") for "
                        + Rows.count(row, "contracts") + " contracts"
                : "exit " + row.getString("reason") + " failed: " + row.getString("detail");
        return new LogEntry(Rows.instant(row, "occurred_at"), triggered ? "EXIT" : "EXIT_FAILED",
                row.getString("position_id"), row.getString("market_ticker"), text);
    }

    private static LogEntry exitEntry(ResultSet row) throws SQLException {
        String kind = row.getString("kind");
        String verb = switch (kind) {
            case "PARTIAL" -> "sold part";
            case "SETTLED" -> "settled";
            default -> "closed";
        };
        String reason = row.getString("exit_reason");
        return new LogEntry(Rows.instant(row, "occurred_at"), kind, row.getString("position_id"),
                row.getString("market_ticker"), verb + (reason == null ? "" : " by " + reason) + ": "
                        + Rows.count(row, "contracts") + " at " + Rows.money(row, "price") + ", realized $"
                        + Rows.money(row, "realized_pnl"));
    }
}
