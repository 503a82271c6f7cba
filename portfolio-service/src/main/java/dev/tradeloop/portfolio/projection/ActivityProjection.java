package dev.tradeloop.portfolio.projection;

import static dev.tradeloop.support.jdbc.Sql.update;

import dev.tradeloop.events.Alert;
import dev.tradeloop.events.Fill;
import dev.tradeloop.events.OrderEvent;
import dev.tradeloop.events.ReconciliationRun;
import dev.tradeloop.events.RiskDecision;
import dev.tradeloop.events.Topics;
import dev.tradeloop.events.TradingState;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.stream.Collectors;

/** Orders with every event of each, fills, risk decisions, alerts and the trading state, as published. */
final class ActivityProjection {

    private ActivityProjection() {
    }

    static void order(Connection db, OrderEvent order) throws SQLException {
        update(db, """
                INSERT INTO exchange_order (client_order_id, position_id, market_ticker, purpose, side, action, attempt,
                    order_id, status, price, contracts, filled, strategy, priority, method_id, method_version,
                    created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (client_order_id) DO UPDATE SET
                    order_id = COALESCE(EXCLUDED.order_id, exchange_order.order_id), status = EXCLUDED.status,
                    price = COALESCE(EXCLUDED.price, exchange_order.price), contracts = EXCLUDED.contracts,
                    filled = EXCLUDED.filled, updated_at = EXCLUDED.updated_at""",
                order.clientOrderId(), order.positionId(), order.marketTicker(), order.purpose(), order.side(),
                order.action(), order.attempt(), order.orderId(), order.status(), order.price(), order.count(),
                order.filled(), order.strategy(), order.priority(), order.method().id(), order.method().version(),
                order.occurredAt(), order.occurredAt());
        update(db, """
                INSERT INTO order_event (event_id, client_order_id, position_id, occurred_at, status, price, contracts,
                    filled, exchange_error_code, note, ending)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                order.eventId(), order.clientOrderId(), order.positionId(), order.occurredAt(), order.status(),
                order.price(), order.count(), order.filled(), order.exchangeErrorCode(), order.note(), order.ending());
    }

    static void fill(Connection db, Fill fill) throws SQLException {
        update(db, """
                INSERT INTO fill (event_id, trade_id, position_id, client_order_id, market_ticker, purpose, side, action,
                    contracts, price, fee, taker, executed_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                fill.eventId(), fill.tradeId(), fill.positionId(), fill.clientOrderId(), fill.marketTicker(),
                fill.purpose(), fill.side(), fill.action(), fill.count(), fill.price(), fill.fee(), fill.taker(),
                fill.executedAt());
    }

    static void decision(Connection db, RiskDecision decision) throws SQLException {
        update(db, """
                INSERT INTO risk_decision (event_id, occurred_at, correlation_id, market_ticker, outcome, reasons, edge,
                    position_id, contracts, stake, method_id, method_version)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                decision.eventId(), decision.occurredAt(), decision.correlationId(), decision.marketTicker(),
                decision.outcome(), decision.reasons().stream().map(Enum::name).collect(Collectors.joining(",")),
                decision.edge(), decision.positionId(), decision.contracts(), decision.stake(),
                decision.method().id(), decision.method().version());
    }

    static void alert(Connection db, Alert alert) throws SQLException {
        update(db, """
                INSERT INTO alert (event_id, occurred_at, correlation_id, severity, code, source, message, position_id,
                    market_ticker)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                alert.eventId(), alert.occurredAt(), alert.correlationId(), alert.severity(), alert.code(),
                alert.source(), alert.message(), alert.positionId(), alert.marketTicker());
    }

    static void tradingState(Connection db, TradingState state) throws SQLException {
        String json = new String(Topics.TRADING_STATE.codec().encode(state), StandardCharsets.UTF_8);
        update(db, """
                INSERT INTO trading_state (id, event_id, occurred_at, mode, flatten_all, state_json)
                VALUES (1, ?, ?, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET event_id = EXCLUDED.event_id, occurred_at = EXCLUDED.occurred_at,
                    mode = EXCLUDED.mode, flatten_all = EXCLUDED.flatten_all, state_json = EXCLUDED.state_json""",
                state.eventId(), state.occurredAt(), state.mode(), state.flattenAll(), json);
    }

    /** The latest run of its scope wins; an older one read late changes nothing. */
    static void reconciliation(Connection db, ReconciliationRun run) throws SQLException {
        String json = new String(Topics.ACCOUNT_BALANCE.codec().encode(run), StandardCharsets.UTF_8);
        update(db, """
                INSERT INTO reconciliation_run (scope, event_id, occurred_at, source, run_json) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (scope) DO UPDATE SET event_id = EXCLUDED.event_id, occurred_at = EXCLUDED.occurred_at,
                    source = EXCLUDED.source, run_json = EXCLUDED.run_json
                WHERE reconciliation_run.occurred_at <= EXCLUDED.occurred_at""",
                run.scope(), run.eventId(), run.occurredAt(), run.source(), json);
    }
}
