package dev.tradeloop.portfolio.query;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/** A position as the dashboard and the API show it; money in dollars as exact text. */
public record PositionView(
        String positionId,
        String marketTicker,
        String eventTicker,
        String side,
        String methodId,
        int methodVersion,
        String status,
        Instant openedAt,
        Instant closedAt,
        String entryCount,
        String contracts,
        String costBasis,
        String entryFees,
        String mark,
        Instant markedAt,
        String unrealizedPnl,
        String pnlPct,
        String trailingPeak,
        String trailingStop,
        String realizedPnl,
        String totalFees,
        String exitReason,
        String exitPending,
        String correlationId) {

    static final String COLUMNS = """
            position_id, market_ticker, event_ticker, side, method_id, method_version, status, opened_at, closed_at,
            entry_count, contracts, cost_basis, entry_fees, mark, marked_at, unrealized_pnl, pnl_pct, trailing_peak,
            trailing_stop, realized_pnl, total_fees, exit_reason, exit_pending, correlation_id""";

    static PositionView of(ResultSet row) throws SQLException {
        return new PositionView(row.getString("position_id"), row.getString("market_ticker"),
                row.getString("event_ticker"), row.getString("side"), row.getString("method_id"),
                row.getInt("method_version"), row.getString("status"), Rows.instant(row, "opened_at"),
                Rows.instant(row, "closed_at"), Rows.count(row, "entry_count"), Rows.count(row, "contracts"),
                Rows.money(row, "cost_basis"), Rows.money(row, "entry_fees"), Rows.money(row, "mark"),
                Rows.instant(row, "marked_at"), Rows.money(row, "unrealized_pnl"), Rows.money(row, "pnl_pct"),
                Rows.money(row, "trailing_peak"), Rows.money(row, "trailing_stop"), Rows.money(row, "realized_pnl"),
                Rows.money(row, "total_fees"), row.getString("exit_reason"), row.getString("exit_pending"),
                row.getString("correlation_id"));
    }
}
