package dev.tradeloop.portfolio.query;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** Positions, and one position with everything that happened to it. */
@ApplicationScoped
public class PositionQueries {

    /** One sale or settlement of a position, with the P&L it realized. */
    public record ExitView(Instant at, String kind, String contracts, String price, String fee, String realizedPnl,
            String exitReason, Integer partialStage) {
    }

    /** An exit the monitor decided, or one that failed. */
    public record ExitAttemptView(Instant at, String kind, String reason, String priority, String contracts,
            String conflicting, String detail, String ending) {
    }

    /** A fill of one of the position's orders. */
    public record FillView(String tradeId, String clientOrderId, String purpose, String side, String action,
            String contracts, String price, String fee, boolean taker, Instant executedAt) {
    }

    /** A position with its exits, exit attempts, orders (every attempt and step) and fills. */
    public record PositionDetail(PositionView position, List<ExitView> exits, List<ExitAttemptView> exitAttempts,
            List<OrderView> orders, List<FillView> fills) {
    }

    private final Rows rows;
    private final ActivityQueries activity;

    public PositionQueries(DataSource dataSource, ActivityQueries activity) {
        this.rows = new Rows(dataSource);
        this.activity = activity;
    }

    public List<PositionView> positions(PositionFilter filter) {
        List<String> where = new ArrayList<>();
        List<Object> parameters = new ArrayList<>();
        switch (filter.status()) {
            case OPEN -> where.add("status = 'OPEN'");
            case CLOSED -> where.add("status <> 'OPEN'");
            case ALL -> where.add("TRUE");
        }
        filter.marketTicker().ifPresent(market -> {
            where.add("market_ticker = ?");
            parameters.add(market);
        });
        filter.methodId().ifPresent(method -> {
            where.add("method_id = ?");
            parameters.add(method);
        });
        filter.from().ifPresent(day -> {
            where.add("opened_at >= ?");
            parameters.add(day.atStartOfDay(ZoneOffset.UTC).toInstant());
        });
        filter.to().ifPresent(day -> {
            where.add("opened_at < ?");
            parameters.add(day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
        });
        return rows.list("SELECT " + PositionView.COLUMNS + " FROM position WHERE " + String.join(" AND ", where)
                + " ORDER BY opened_at DESC, position_id", PositionView::of, parameters.toArray());
    }

    public Optional<PositionDetail> position(String positionId) {
        List<PositionView> found = rows.list("SELECT " + PositionView.COLUMNS + " FROM position WHERE position_id = ?",
                PositionView::of, positionId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new PositionDetail(found.get(0),
                rows.list("""
                        SELECT occurred_at, kind, contracts, price, fee, realized_pnl, exit_reason, partial_stage
                        FROM position_exit WHERE position_id = ? ORDER BY occurred_at, event_id""",
                        PositionQueries::exit, positionId),
                rows.list("""
                        SELECT occurred_at, kind, reason, priority, contracts, conflicting, detail, ending
                        FROM exit_attempt WHERE position_id = ? ORDER BY occurred_at, event_id""",
                        PositionQueries::exitAttempt, positionId),
                activity.orders(Optional.of(positionId), Optional.empty(), 1000),
                rows.list("""
                        SELECT trade_id, client_order_id, purpose, side, action, contracts, price, fee, taker,
                            executed_at
                        FROM fill WHERE position_id = ? ORDER BY executed_at, trade_id""",
                        PositionQueries::fill, positionId)));
    }

    private static ExitView exit(ResultSet row) throws SQLException {
        return new ExitView(Rows.instant(row, "occurred_at"), row.getString("kind"), Rows.count(row, "contracts"),
                Rows.money(row, "price"), Rows.money(row, "fee"), Rows.money(row, "realized_pnl"),
                row.getString("exit_reason"), (Integer) row.getObject("partial_stage"));
    }

    private static ExitAttemptView exitAttempt(ResultSet row) throws SQLException {
        return new ExitAttemptView(Rows.instant(row, "occurred_at"), row.getString("kind"), row.getString("reason"),
                row.getString("priority"), Rows.count(row, "contracts"), row.getString("conflicting"),
                row.getString("detail"), row.getString("ending"));
    }

    private static FillView fill(ResultSet row) throws SQLException {
        return new FillView(row.getString("trade_id"), row.getString("client_order_id"), row.getString("purpose"),
                row.getString("side"), row.getString("action"), Rows.count(row, "contracts"),
                Rows.money(row, "price"), Rows.money(row, "fee"), row.getBoolean("taker"),
                Rows.instant(row, "executed_at"));
    }
}
