package dev.tradeloop.portfolio.projection;

import static dev.tradeloop.support.jdbc.Sql.update;

import dev.tradeloop.events.ExitFailed;
import dev.tradeloop.events.ExitTriggered;
import dev.tradeloop.events.PositionClosed;
import dev.tradeloop.events.PositionEvent;
import dev.tradeloop.events.PositionIncreased;
import dev.tradeloop.events.PositionMarked;
import dev.tradeloop.events.PositionOpened;
import dev.tradeloop.events.PositionPartiallyClosed;
import dev.tradeloop.events.PositionSettled;
import dev.tradeloop.events.TrailingStopActivated;
import dev.tradeloop.events.TrailingStopMoved;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.stream.Collectors;

/**
 * Positions as the monitor tells them: opened, increased, trailed, exits decided and failed, reduced,
 * closed, settled ({@code position-events}), and what each open one is worth now ({@code position-marks}).
 * Each exit that reduced a position is a row of its own with the P&L it realized, so P&L by day and
 * by method is a sum over rows.
 */
final class PositionProjection {

    private PositionProjection() {
    }

    static void apply(Connection db, PositionEvent event) throws SQLException {
        if (event instanceof PositionOpened opened) {
            opened(db, opened);
        } else if (event instanceof PositionIncreased increased) {
            update(db, """
                    UPDATE position SET contracts = ?, cost_basis = ?, entry_fees = ?, entry_count = entry_count + ?,
                        total_fees = total_fees + ? WHERE position_id = ?""",
                    increased.count(), increased.costBasis(), increased.entryFees(), increased.added(),
                    increased.fee(), increased.positionId());
        } else if (event instanceof TrailingStopActivated activated) {
            update(db, "UPDATE position SET trailing_peak = ?, trailing_stop = ? WHERE position_id = ?",
                    activated.peak(), activated.stop(), activated.positionId());
        } else if (event instanceof TrailingStopMoved moved) {
            update(db, "UPDATE position SET trailing_peak = ?, trailing_stop = ? WHERE position_id = ?",
                    moved.peak(), moved.stop(), moved.positionId());
        } else if (event instanceof ExitTriggered triggered) {
            triggered(db, triggered);
        } else if (event instanceof ExitFailed failed) {
            update(db, """
                    INSERT INTO exit_attempt (event_id, position_id, occurred_at, kind, reason, priority, detail,
                        ending)
                    VALUES (?, ?, ?, 'FAILED', ?, ?, ?, ?)""",
                    failed.eventId(), failed.positionId(), failed.occurredAt(), failed.reason(), failed.priority(),
                    failed.detail(), failed.ending());
            update(db, "UPDATE position SET exit_pending = NULL WHERE position_id = ?", failed.positionId());
        } else if (event instanceof PositionPartiallyClosed partial) {
            partiallyClosed(db, partial);
        } else if (event instanceof PositionClosed closed) {
            closed(db, closed);
        } else if (event instanceof PositionSettled settled) {
            settled(db, settled);
        }
    }

    /**
     * A position's latest mark: kept (unless an older mark than the one kept, or of a position that
     * ended) and shown on the position if it is open; one that is not yet takes it when it opens. A
     * mark is a latest value, not history: it records no event id, and applying it again changes nothing.
     * An ended position shows no mark (whichever of its close and its last mark was read first).
     */
    static void mark(Connection db, PositionMarked marked) throws SQLException {
        update(db, """
                INSERT INTO position_mark (position_id, mark, unrealized_pnl, pnl_pct, marked_at)
                SELECT ?, ?, ?, ?, ?
                WHERE NOT EXISTS (SELECT 1 FROM position WHERE position_id = ? AND status <> 'OPEN')
                ON CONFLICT (position_id) DO UPDATE SET mark = EXCLUDED.mark, unrealized_pnl = EXCLUDED.unrealized_pnl,
                    pnl_pct = EXCLUDED.pnl_pct, marked_at = EXCLUDED.marked_at
                WHERE position_mark.marked_at <= EXCLUDED.marked_at""",
                marked.positionId(), marked.mark(), marked.unrealizedPnl(), marked.pnlPct(), marked.occurredAt(),
                marked.positionId());
        update(db, """
                UPDATE position SET mark = ?, unrealized_pnl = ?, pnl_pct = ?, marked_at = ?
                WHERE position_id = ? AND status = 'OPEN' AND (marked_at IS NULL OR marked_at <= ?)""",
                marked.mark(), marked.unrealizedPnl(), marked.pnlPct(), marked.occurredAt(), marked.positionId(),
                marked.occurredAt());
    }

    private static void opened(Connection db, PositionOpened opened) throws SQLException {
        update(db, """
                INSERT INTO position (position_id, market_ticker, event_ticker, side, method_id, method_version,
                    correlation_id, status, opened_at, entry_count, contracts, cost_basis, entry_fees, realized_pnl,
                    total_fees)
                VALUES (?, ?, ?, ?, ?, ?, ?, 'OPEN', ?, ?, ?, ?, ?, 0, ?)
                ON CONFLICT (position_id) DO NOTHING""",
                opened.positionId(), opened.marketTicker(), opened.eventTicker(), opened.side(),
                opened.method().id(), opened.method().version(), opened.correlationId(), opened.occurredAt(),
                opened.count(), opened.count(), opened.costBasis(), opened.entryFees(), opened.entryFees());
        update(db, """
                UPDATE position p SET mark = m.mark, unrealized_pnl = m.unrealized_pnl, pnl_pct = m.pnl_pct,
                    marked_at = m.marked_at
                FROM position_mark m WHERE p.position_id = m.position_id AND p.position_id = ?""",
                opened.positionId());
    }

    private static void triggered(Connection db, ExitTriggered triggered) throws SQLException {
        update(db, """
                INSERT INTO exit_attempt (event_id, position_id, occurred_at, kind, reason, priority, contracts,
                    conflicting)
                VALUES (?, ?, ?, 'TRIGGERED', ?, ?, ?, ?)""",
                triggered.eventId(), triggered.positionId(), triggered.occurredAt(), triggered.reason(),
                triggered.priority(), triggered.quantity(),
                triggered.conflicting().stream().map(Enum::name).collect(Collectors.joining(",")));
        update(db, "UPDATE position SET exit_pending = ? WHERE position_id = ?", triggered.reason(),
                triggered.positionId());
    }

    private static void partiallyClosed(Connection db, PositionPartiallyClosed partial) throws SQLException {
        update(db, """
                INSERT INTO position_exit (event_id, position_id, occurred_at, kind, contracts, price, fee,
                    realized_pnl, exit_reason, partial_stage, method_id, method_version)
                SELECT ?, position_id, ?, 'PARTIAL', ?, ?, ?, ?, exit_pending, ?, method_id, method_version
                FROM position WHERE position_id = ?""",
                partial.eventId(), partial.occurredAt(), partial.sold(), partial.price(), partial.fee(),
                partial.realizedPnl(), partial.partialStage(), partial.positionId());
        update(db, """
                UPDATE position SET contracts = ?, realized_pnl = realized_pnl + ?, total_fees = total_fees + ?,
                    exit_pending = CASE WHEN ? THEN NULL ELSE exit_pending END
                WHERE position_id = ?""",
                partial.remaining(), partial.realizedPnl(), partial.fee(), partial.partialStage().isPresent(),
                partial.positionId());
    }

    private static void closed(Connection db, PositionClosed closed) throws SQLException {
        // the event carries the position's whole realized P&L; this exit's part is what the others left
        String reason = closed.exitReason().map(Enum::name).orElse(null);
        update(db, """
                INSERT INTO position_exit (event_id, position_id, occurred_at, kind, contracts, price, fee,
                    realized_pnl, exit_reason, method_id, method_version)
                SELECT ?, position_id, ?, 'CLOSED', ?, ?, ?, ? - realized_pnl, COALESCE(?, exit_pending), method_id,
                    method_version
                FROM position WHERE position_id = ?""",
                closed.eventId(), closed.occurredAt(), closed.sold(), closed.price(), closed.fee(),
                closed.realizedPnl(), reason, closed.positionId());
        update(db, """
                UPDATE position SET status = 'CLOSED', contracts = 0, unrealized_pnl = 0, realized_pnl = ?,
                    mark = NULL, pnl_pct = NULL, marked_at = NULL,
                    total_fees = ?, exit_reason = COALESCE(?, exit_pending), exit_pending = NULL, closed_at = ?
                WHERE position_id = ?""",
                closed.realizedPnl(), closed.totalFees(), reason, closed.occurredAt(), closed.positionId());
        update(db, "DELETE FROM position_mark WHERE position_id = ?", closed.positionId());
    }

    private static void settled(Connection db, PositionSettled settled) throws SQLException {
        update(db, """
                INSERT INTO position_exit (event_id, position_id, occurred_at, kind, contracts, price, fee,
                    realized_pnl, exit_reason, method_id, method_version)
                SELECT ?, position_id, ?, 'SETTLED', ?, CASE WHEN side = ? THEN 1 ELSE 0 END, 0, ? - realized_pnl,
                    'SETTLEMENT', method_id, method_version
                FROM position WHERE position_id = ?""",
                settled.eventId(), settled.occurredAt(), settled.count(), settled.result(), settled.realizedPnl(),
                settled.positionId());
        update(db, """
                UPDATE position SET status = 'SETTLED', contracts = 0, unrealized_pnl = 0, realized_pnl = ?,
                    mark = NULL, pnl_pct = NULL, marked_at = NULL,
                    exit_reason = 'SETTLEMENT', exit_pending = NULL, closed_at = ? WHERE position_id = ?""",
                settled.realizedPnl(), settled.occurredAt(), settled.positionId());
        update(db, "DELETE FROM position_mark WHERE position_id = ?", settled.positionId());
    }
}
