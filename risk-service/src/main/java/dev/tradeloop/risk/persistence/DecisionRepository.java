package dev.tradeloop.risk.persistence;

import dev.tradeloop.events.ApprovedTrade;
import dev.tradeloop.events.RiskDecision;
import dev.tradeloop.events.Topics;
import dev.tradeloop.support.jdbc.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * The audit of risk decisions, one row per edge, holding the events exactly as published: an edge
 * decided again after a crash finds its row and republishes the same events, so a retry never
 * approves a second position.
 */
@ApplicationScoped
public class DecisionRepository {

    /** A stored decision and, for an approval, its trade. */
    public record Stored(RiskDecision decision, Optional<ApprovedTrade> trade) {
    }

    private final DataSource dataSource;

    public DecisionRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Optional<Stored> findByEdge(java.util.UUID edgeEventId) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return Sql.first(connection,
                    "SELECT decision_json, approved_trade_json FROM risk_decision WHERE edge_event_id = ?",
                    row -> new Stored(Topics.RISK_DECISIONS.codec().decode(bytes(row.getString("decision_json"))),
                            Optional.ofNullable(row.getString("approved_trade_json"))
                                    .map(json -> Topics.APPROVED_TRADES.codec().decode(bytes(json)))),
                    edgeEventId);
        }
    }

    /** Stores a decision; a second store for the same edge keeps the first. */
    public void insert(RiskDecision decision, Optional<ApprovedTrade> trade) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            Sql.update(connection, """
                    INSERT INTO risk_decision (edge_event_id, decision_event_id, market_ticker, outcome, reasons,
                        position_id, contracts, stake, method, correlation_id, decided_at, decision_json,
                        approved_trade_json)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (edge_event_id) DO NOTHING""",
                    decision.edgeEventId(), decision.eventId(), decision.marketTicker(), decision.outcome(),
                    decision.reasons().stream().map(Enum::name).collect(Collectors.joining(",")),
                    decision.positionId(), decision.contracts(), decision.stake(), decision.method().toString(),
                    decision.correlationId(), decision.occurredAt(),
                    text(Topics.RISK_DECISIONS.codec().encode(decision)),
                    trade.map(t -> text(Topics.APPROVED_TRADES.codec().encode(t))));
        }
    }

    private static byte[] bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] json) {
        return new String(json, StandardCharsets.UTF_8);
    }
}
