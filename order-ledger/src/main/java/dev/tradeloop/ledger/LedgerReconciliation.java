package dev.tradeloop.ledger;

import dev.tradeloop.events.AlertCode;
import dev.tradeloop.events.AlertSeverity;
import dev.tradeloop.events.ClientOrderIds;
import dev.tradeloop.events.OperationalError.ErrorKind;
import dev.tradeloop.events.OrderPurpose;
import dev.tradeloop.exchange.model.Fill;
import dev.tradeloop.exchange.model.Order;
import dev.tradeloop.exchange.model.Page;
import dev.tradeloop.exchange.rest.ExchangeException;
import dev.tradeloop.exchange.rest.KalshiClient;
import dev.tradeloop.ledger.LedgerConfig.ForeignOrders;
import dev.tradeloop.support.Alerts;
import dev.tradeloop.support.OperationalErrors;
import io.quarkus.logging.Log;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Compares this service's order ledger with the exchange, and repairs what it can:
 * <ul>
 *   <li>a fill of one of the ledger's orders that the ledger did not record (the order filled after
 *       its attempt ended, the service down while it happened) is recorded, and published, once (by
 *       its trade id); the fills of an order being worked are its runner's to read;</li>
 *   <li>an order of the ledger's kind resting on the exchange that the ledger is not working (an
 *       attempt ended, or none at all) is cancelled, with an alert;</li>
 *   <li>an order resting on the exchange that is no ledger's (named neither as an entry's nor an
 *       exit's) is cancelled or only reported ({@code tradeloop.ledger.foreign-orders}), with an
 *       alert, by the entries' ledger alone.</li>
 * </ul>
 * The exchange is read over {@code tradeloop.ledger.reconcile-lookback} (24 h); a run that cannot
 * read it ends without repairing anything and says so.
 */
public final class LedgerReconciliation {

    /** What one run found and did. */
    public record Result(int fillsRead, int fillsRecorded, int ordersResting, int ordersCancelled,
            int foreignOrders, List<String> findings, Optional<String> failure) {

        public boolean repaired() {
            return fillsRecorded > 0 || ordersCancelled > 0;
        }
    }

    private final OrderPurpose purpose;
    private final Function<Execution, OrderRunner.Report> reports;
    private final OrderLedger ledger;
    private final KalshiClient exchange;
    private final LedgerConfig config;
    private final Alerts alerts;
    private final OperationalErrors errors;
    private final Clock clock;
    /** What this run found, one line each, for a person. */
    private final List<String> findings = new ArrayList<>();

    public LedgerReconciliation(OrderPurpose purpose, Function<Execution, OrderRunner.Report> reports,
            OrderLedger ledger, KalshiClient exchange, LedgerConfig config, Alerts alerts, OperationalErrors errors,
            Clock clock) {
        this.purpose = purpose;
        this.reports = reports;
        this.ledger = ledger;
        this.exchange = exchange;
        this.config = config;
        this.alerts = alerts;
        this.errors = errors;
        this.clock = clock;
    }

    public OrderPurpose purpose() {
        return purpose;
    }

    /**
     * Runs one reconciliation; empty when another instance of the service is running one (this one
     * then does nothing: the next run comes within the interval).
     */
    public synchronized Optional<Result> run() throws SQLException {
        Optional<Claim> alone = ledger.claimReconciliation();
        if (alone.isEmpty()) {
            return Optional.empty();
        }
        try (Claim held = alone.get()) {
            return Optional.of(reconcile());
        }
    }

    private Result reconcile() throws SQLException {
        Instant since = clock.instant().minus(config.reconcileLookback());
        List<Order> orders;
        List<Fill> fills;
        try {
            orders = Page.all(cursor -> exchange.orders(Map.of("min_ts", seconds(since)), cursor, 200));
            fills = Page.all(cursor -> exchange.fills(Map.of("min_ts", seconds(since)), cursor, 200));
        } catch (ExchangeException e) {
            errors.report(ErrorKind.EXCHANGE_API, "reconcile the " + purpose + " ledger", e.getMessage(),
                    "reconcile-" + purpose);
            return new Result(0, 0, 0, 0, 0, List.of(),
                    Optional.of("the exchange could not be read: " + e.getMessage()));
        }
        findings.clear();
        Map<String, Order> byId = new HashMap<>();
        orders.forEach(order -> byId.put(order.orderId(), order));
        int recorded = 0;
        for (Fill fill : fills) {
            recorded += recordIfMissing(fill, Optional.ofNullable(byId.get(fill.orderId()))) ? 1 : 0;
        }
        int resting = 0;
        int cancelled = 0;
        int foreign = 0;
        for (Order order : orders) {
            if (!order.isResting()) {
                continue;
            }
            resting++;
            Optional<OrderPurpose> whose = ClientOrderIds.purposeOf(order.clientOrderId());
            if (whose.isEmpty()) {
                if (purpose == OrderPurpose.ENTRY) {
                    foreign++;
                    cancelled += foreign(order) ? 1 : 0;
                }
            } else if (whose.get() == purpose && !beingWorked(order.clientOrderId())) {
                cancelled += cancel(order, "order " + order.clientOrderId() + " rests on " + order.ticker()
                        + " but the " + purpose.name().toLowerCase() + " ledger is not working it",
                        AlertSeverity.WARNING) ? 1 : 0;
            }
        }
        Result result = new Result(fills.size(), recorded, resting, cancelled, foreign, List.copyOf(findings),
                Optional.empty());
        if (result.repaired() || foreign > 0) {
            Log.warnf("reconciled the %s ledger: %s", purpose, result);
        } else {
            Log.debugf("reconciled the %s ledger: %s", purpose, result);
        }
        return result;
    }

    /** Records a fill of one of this ledger's orders that the ledger does not have; true when it was missing. */
    private boolean recordIfMissing(Fill fill, Optional<Order> listed) throws SQLException {
        Optional<Order> order = listed.or(() -> orderById(fill.orderId()));
        if (order.isEmpty() || ClientOrderIds.purposeOf(order.get().clientOrderId()).filter(p -> p == purpose)
                .isEmpty()) {
            return false;
        }
        Optional<Attempt> attempt = ledger.attempt(order.get().clientOrderId());
        if (attempt.isEmpty() || beingWorked(attempt.get())) {
            return false; // an order being worked has its fills read by its runner, which waits for all of them
        }
        Optional<Execution> execution = ledger.execution(attempt.get().executionId());
        if (execution.isEmpty()) {
            return false;
        }
        OrderRunner.Report report = reports.apply(execution.get());
        boolean recorded = ledger.recordFill(new OrderLedger.FillRecord(fill.dedupeId(), attempt.get().clientOrderId(),
                report.positionId(), fill.countFp(), OrderRunner.heldPrice(attempt.get().side(), fill), fill.feeCost(),
                fill.createdTime()), List.of(report.fill(attempt.get(), fill, clock.instant())));
        if (recorded) {
            String found = "fill " + fill.dedupeId() + " of " + attempt.get().clientOrderId() + " (" + fill.countFp()
                    + " on " + fill.ticker() + ") was on the exchange but not in the " + purpose.name().toLowerCase()
                    + " ledger: recorded and published now";
            findings.add(found);
            alerts.raise(AlertSeverity.WARNING, AlertCode.RECONCILIATION_MISMATCH, found, report.correlationId(),
                    Optional.of(report.positionId()), Optional.of(fill.ticker()));
        }
        return recorded;
    }

    /** Whether the ledger is working this order now: its attempt sent (or sending) it, and its execution goes on. */
    private boolean beingWorked(String clientOrderId) throws SQLException {
        Optional<Attempt> attempt = ledger.attempt(clientOrderId);
        return attempt.isPresent() && beingWorked(attempt.get());
    }

    private boolean beingWorked(Attempt attempt) throws SQLException {
        return (attempt.status() == AttemptStatus.PLACED || attempt.status() == AttemptStatus.INTENDED)
                && ledger.isActive(attempt.executionId());
    }

    /** An order older than the orders read (a fill can come long after its order was placed). */
    private Optional<Order> orderById(String orderId) {
        try {
            return Optional.of(exchange.orderById(orderId));
        } catch (ExchangeException e) {
            return Optional.empty();
        }
    }

    private boolean foreign(Order order) {
        String what = "order " + order.orderId() + " (client order id " + order.clientOrderId() + ") rests on "
                + order.ticker() + " and is no ledger's: the account is traded by someone else";
        if (config.foreignOrders() == ForeignOrders.CANCEL) {
            return cancel(order, what, AlertSeverity.CRITICAL);
        }
        String found = what + "; left resting (tradeloop.ledger.foreign-orders=alert)";
        findings.add(found);
        alerts.raise(AlertSeverity.CRITICAL, AlertCode.RECONCILIATION_MISMATCH, found, "reconcile-" + order.orderId(),
                Optional.empty(), Optional.of(order.ticker()));
        return false;
    }

    private boolean cancel(Order order, String why, AlertSeverity severity) {
        try {
            exchange.cancelOrder(order.orderId(), order.ticker());
        } catch (ExchangeException e) {
            errors.report(ErrorKind.EXCHANGE_API, "cancel an order found by reconciliation", e.getMessage(),
                    "reconcile-" + order.orderId());
            String found = why + "; it could not be cancelled (" + e.getMessage() + "), tried again at the next run";
            findings.add(found);
            alerts.raise(AlertSeverity.CRITICAL, AlertCode.RECONCILIATION_MISMATCH, found,
                    "reconcile-" + order.orderId(), Optional.empty(), Optional.of(order.ticker()));
            return false;
        }
        findings.add(why + ": cancelled");
        alerts.raise(severity, AlertCode.RECONCILIATION_MISMATCH, why + ": cancelled",
                "reconcile-" + order.orderId(), Optional.empty(), Optional.of(order.ticker()));
        return true;
    }

    private static String seconds(Instant at) {
        return String.valueOf(at.getEpochSecond());
    }
}
