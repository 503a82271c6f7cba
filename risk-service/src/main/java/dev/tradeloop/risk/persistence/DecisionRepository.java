package dev.tradeloop.risk.persistence;

import dev.tradeloop.events.ApprovedTrade;
import dev.tradeloop.events.RiskDecision;
import dev.tradeloop.events.Topics;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
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
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT decision_json, approved_trade_json FROM risk_decision WHERE edge_event_id = ?")) {
            select.setObject(1, edgeEventId);
            try (ResultSet rows = select.executeQuery()) {
                if (!rows.next()) {
                    return Optional.empty();
                }
                RiskDecision decision = Topics.RISK_DECISIONS.codec().decode(bytes(rows.getString(1)));
                Optional<ApprovedTrade> trade = Optional.ofNullable(rows.getString(2))
                        .map(json -> Topics.APPROVED_TRADES.codec().decode(bytes(json)));
                return Optional.of(new Stored(decision, trade));
            }
        }
    }

    /** Stores a decision; a second store for the same edge keeps the first. */
    public void insert(RiskDecision decision, Optional<ApprovedTrade> trade) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement("""
                        INSERT INTO risk_decision (edge_event_id, decision_event_id, market_ticker, outcome, reasons,
                            position_id, contracts, stake, method, correlation_id, decided_at, decision_json,
                            approved_trade_json)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT (edge_event_id) DO NOTHING""")) {
            insert.setObject(1, decision.edgeEventId());
            insert.setObject(2, decision.eventId());
            insert.setString(3, decision.marketTicker());
            insert.setString(4, decision.outcome().name());
            insert.setString(5, decision.reasons().stream().map(Enum::name).collect(Collectors.joining(",")));
            insert.setString(6, decision.positionId().orElse(null));
            insert.setBigDecimal(7, decision.contracts().map(c -> java.math.BigDecimal.valueOf(c.hundredths(), 2)).orElse(null));
            insert.setBigDecimal(8, decision.stake().map(s -> s.toBigDecimal()).orElse(null));
            insert.setString(9, decision.method().toString());
            insert.setString(10, decision.correlationId());
            insert.setTimestamp(11, Timestamp.from(decision.occurredAt()));
            insert.setString(12, text(Topics.RISK_DECISIONS.codec().encode(decision)));
            insert.setString(13, trade.map(t -> text(Topics.APPROVED_TRADES.codec().encode(t))).orElse(null));
            insert.executeUpdate();
        }
    }

    private static byte[] bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] json) {
        return new String(json, StandardCharsets.UTF_8);
    }
}
