package dev.tradeloop.portfolio.query;

import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import javax.sql.DataSource;

/**
 * P&L from the projection: realized is the sum of what each exit realized (fees included), so by day
 * and by method are sums over the same rows; unrealized is the open positions' last marks.
 */
@ApplicationScoped
public class PnlQueries {

    public record Summary(String realizedPnl, String unrealizedPnl, String totalPnl, String fees, long openPositions,
            long closedPositions, long wins, long losses) {
    }

    public record ByDay(LocalDate day, String realizedPnl, long exits) {
    }

    public record ByMethod(String methodId, int methodVersion, String realizedPnl, String unrealizedPnl,
            long positions, long openPositions, long wins, long losses) {
    }

    /** The realized P&L after each exit, in order: the P&L chart. */
    public record Point(Instant at, String realizedPnl, String positionId) {
    }

    private final Rows rows;

    public PnlQueries(DataSource dataSource) {
        this.rows = new Rows(dataSource);
    }

    public Summary summary() {
        return rows.list("""
                SELECT COALESCE(SUM(realized_pnl), 0) AS realized,
                    COALESCE(SUM(unrealized_pnl) FILTER (WHERE status = 'OPEN'), 0) AS unrealized,
                    COALESCE(SUM(total_fees), 0) AS fees,
                    COUNT(*) FILTER (WHERE status = 'OPEN') AS open,
                    COUNT(*) FILTER (WHERE status <> 'OPEN') AS closed,
                    COUNT(*) FILTER (WHERE status <> 'OPEN' AND realized_pnl > 0) AS wins,
                    COUNT(*) FILTER (WHERE status <> 'OPEN' AND realized_pnl <= 0) AS losses
                FROM position""", row -> {
                    BigDecimal realized = row.getBigDecimal("realized");
                    BigDecimal unrealized = row.getBigDecimal("unrealized");
                    return new Summary(Rows.money(realized), Rows.money(unrealized),
                            Rows.money(realized.add(unrealized)), Rows.money(row, "fees"), row.getLong("open"),
                            row.getLong("closed"), row.getLong("wins"), row.getLong("losses"));
                }).get(0);
    }

    public List<ByDay> byDay() {
        return rows.list("""
                SELECT (occurred_at AT TIME ZONE 'UTC')::date AS day, SUM(realized_pnl) AS realized, COUNT(*) AS exits
                FROM position_exit GROUP BY 1 ORDER BY 1""",
                row -> new ByDay(row.getObject("day", LocalDate.class), Rows.money(row, "realized"),
                        row.getLong("exits")));
    }

    public List<ByMethod> byMethod() {
        return rows.list("""
                SELECT method_id, method_version,
                    COALESCE(SUM(realized_pnl), 0) AS realized,
                    COALESCE(SUM(unrealized_pnl) FILTER (WHERE status = 'OPEN'), 0) AS unrealized,
                    COUNT(*) AS positions,
                    COUNT(*) FILTER (WHERE status = 'OPEN') AS open,
                    COUNT(*) FILTER (WHERE status <> 'OPEN' AND realized_pnl > 0) AS wins,
                    COUNT(*) FILTER (WHERE status <> 'OPEN' AND realized_pnl <= 0) AS losses
                FROM position GROUP BY method_id, method_version ORDER BY method_id, method_version""",
                row -> new ByMethod(row.getString("method_id"), row.getInt("method_version"),
                        Rows.money(row, "realized"), Rows.money(row, "unrealized"), row.getLong("positions"),
                        row.getLong("open"), row.getLong("wins"), row.getLong("losses")));
    }

    public List<Point> series() {
        return rows.list("""
                SELECT occurred_at, position_id,
                    SUM(realized_pnl) OVER (ORDER BY occurred_at, event_id) AS cumulative
                FROM position_exit ORDER BY occurred_at, event_id""",
                row -> new Point(Rows.instant(row, "occurred_at"), Rows.money(row, "cumulative"),
                        row.getString("position_id")));
    }
}
