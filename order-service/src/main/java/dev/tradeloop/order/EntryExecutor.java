package dev.tradeloop.order;

import dev.tradeloop.events.Action;
import dev.tradeloop.events.ApprovedTrade;
import dev.tradeloop.events.OperationalError.ErrorKind;
import dev.tradeloop.events.OrderStatus;
import dev.tradeloop.events.money.Contracts;
import dev.tradeloop.events.money.Price;
import dev.tradeloop.exchange.model.Fill;
import dev.tradeloop.exchange.model.NewOrder;
import dev.tradeloop.exchange.model.Order;
import dev.tradeloop.exchange.model.OrderAck;
import dev.tradeloop.exchange.model.Page;
import dev.tradeloop.exchange.rest.ExchangeException;
import dev.tradeloop.exchange.rest.KalshiClient;
import dev.tradeloop.ledger.Attempt;
import dev.tradeloop.ledger.AttemptStatus;
import dev.tradeloop.ledger.OrderLedger;
import dev.tradeloop.ledger.Outgoing;
import dev.tradeloop.order.config.OrderConfig;
import dev.tradeloop.support.OperationalErrors;
import dev.tradeloop.support.TradingStateFollower;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Executes one approved entry to its end, resuming from the ledger wherever it stopped: a limit at
 * the target price, a wait for the fill up to the plan's timeout, then cancel and walk the price by
 * the plan's step until the slippage cap; a partial fill counts for what filled. Every attempt is in
 * the ledger before the exchange is called; an attempt that may have reached the exchange (a crash, a
 * timeout, a lost answer) is looked up by its client order id before anything is sent again, so no
 * order is ever sent twice. Nothing new is sent unless trading is ACTIVE.
 */
@ApplicationScoped
public class EntryExecutor {

    /** The execution cannot go on now (the exchange is unreachable, the trading state unknown): try later. */
    static final class TryLater extends RuntimeException {
        TryLater(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final OrderLedger ledger;
    private final KalshiClient exchange;
    private final TradingStateFollower tradingState;
    private final OperationalErrors errors;
    private final OrderConfig config;
    private final Clock clock;
    private final BalanceReporter balance;

    public EntryExecutor(OrderLedger ledger, KalshiClient exchange, TradingStateFollower tradingState,
            OperationalErrors errors, OrderConfig config, Clock clock, BalanceReporter balance) {
        this.ledger = ledger;
        this.exchange = exchange;
        this.tradingState = tradingState;
        this.errors = errors;
        this.config = config;
        this.clock = clock;
        this.balance = balance;
    }

    /** Works the entry until it has ended; throws when it must be tried again later. */
    public void execute(ApprovedTrade trade) throws SQLException, InterruptedException {
        if (tradingState.current().isEmpty()) {
            throw new TryLater("the trading state is not known yet", null);
        }
        String id = trade.positionId();
        List<Attempt> attempts = ledger.attempts(id);
        int next = attempts.size() + 1;
        if (!attempts.isEmpty()) {
            Attempt last = attempts.get(attempts.size() - 1);
            if (last.status() == AttemptStatus.INTENDED) {
                last = send(trade, last, true);
            }
            if (last.status() == AttemptStatus.PLACED) {
                last = work(trade, last);
            }
            if (last.status() == AttemptStatus.REJECTED) {
                end(trade, OrderStatus.REJECTED, last, "the exchange refused the order");
                return;
            }
        }
        while (true) {
            Contracts filled = ledger.filled(id);
            Contracts remaining = trade.contracts().minus(filled);
            Optional<Price> price = EntryWalk.priceOf(trade.plan(), next);
            String lastId = Attempt.clientOrderId(id, Math.max(1, next - 1));
            if (remaining.isZero()) {
                end(trade, OrderStatus.FILLED, next - 1, lastId, "filled");
                return;
            }
            if (!tradingState.entriesAllowed()) {
                end(trade, EntryWalk.endOf(filled, trade.contracts()), next - 1, lastId, "trading is "
                        + tradingState.current().map(s -> s.mode().name()).orElse("not known") + ": no new order");
                return;
            }
            if (price.isEmpty()) {
                end(trade, EntryWalk.endOf(filled, trade.contracts()), next - 1, lastId,
                        "no fill up to the slippage cap " + trade.plan().worstPrice() + "; " + filled + " of "
                                + trade.contracts() + " filled");
                return;
            }
            Attempt attempt = Attempt.intended(id, next, trade.marketTicker(), trade.side(), Action.BUY, price.get(),
                    remaining, NewOrder.GOOD_TILL_CANCELED);
            OrderStatus intent = next == 1 ? OrderStatus.INTENDED : OrderStatus.WALKED;
            ledger.intend(attempt, List.of(EntryEvents.step(trade, attempt, intent, Optional.empty(), Contracts.ZERO,
                    Optional.empty(), Optional.of(next == 1 ? "limit at the target price"
                            : "walked by " + trade.plan().walkStep() + " to " + price.get()), clock.instant())));
            attempt = send(trade, attempt, false);
            if (attempt.status() == AttemptStatus.REJECTED) {
                end(trade, OrderStatus.REJECTED, attempt, "the exchange refused the order");
                return;
            }
            work(trade, attempt);
            next++;
        }
    }

    /** Sends an intended attempt; first asks the exchange for it when it may have been sent already. */
    private Attempt send(ApprovedTrade trade, Attempt attempt, boolean maybeSent) throws SQLException {
        if (maybeSent) {
            Optional<Order> existing = lookUp(attempt);
            if (existing.isPresent()) {
                return placed(trade, attempt, existing.get().orderId(), "found on the exchange by its client order id");
            }
        }
        NewOrder order = NewOrder.of(trade.marketTicker(), trade.side(), Action.BUY, attempt.count(), attempt.price(),
                attempt.timeInForce(), attempt.clientOrderId());
        try {
            OrderAck ack = exchange.createOrder(order);
            return placed(trade, attempt, ack.orderId(), "placed");
        } catch (ExchangeException.Rejected | ExchangeException.NotFound | ExchangeException.Unauthorized e) {
            if (e instanceof ExchangeException.Unauthorized) {
                errors.report(ErrorKind.EXCHANGE_API, "create order", e.getMessage(), trade.correlationId());
            }
            ledger.ended(attempt.clientOrderId(), AttemptStatus.REJECTED, Contracts.ZERO, List.of(EntryEvents.step(
                    trade, attempt, OrderStatus.REJECTED, Optional.empty(), Contracts.ZERO, e.code(),
                    Optional.of(e.getMessage()), clock.instant())));
            return withStatus(attempt, AttemptStatus.REJECTED, Optional.empty());
        } catch (ExchangeException e) {
            // a conflict (the id is in use), a timeout, a lost answer, a 5xx: the order may be there
            if (!(e instanceof ExchangeException.Conflict)) {
                errors.report(ErrorKind.EXCHANGE_API, "create order", e.getMessage(), trade.correlationId());
            }
            Optional<Order> existing = lookUp(attempt);
            if (existing.isPresent()) {
                return placed(trade, attempt, existing.get().orderId(), "found on the exchange after: " + e.getMessage());
            }
            throw new TryLater("order " + attempt.clientOrderId() + " not confirmed: " + e.getMessage(), e);
        }
    }

    private Attempt placed(ApprovedTrade trade, Attempt attempt, String orderId, String note) throws SQLException {
        Instant now = clock.instant();
        ledger.placed(attempt.clientOrderId(), orderId, now, List.of(EntryEvents.step(trade, attempt,
                OrderStatus.PLACED, Optional.of(orderId), Contracts.ZERO, Optional.empty(), Optional.of(note), now)));
        Log.infof("entry %s attempt %d: %s %s of %s at %s, order %s correlationId=%s", trade.positionId(),
                attempt.attempt(), note, attempt.count(), trade.side(), attempt.price(), orderId, trade.correlationId());
        return new Attempt(attempt.clientOrderId(), attempt.executionId(), attempt.attempt(), attempt.marketTicker(),
                attempt.side(), attempt.action(), attempt.price(), attempt.count(), attempt.timeInForce(),
                AttemptStatus.PLACED, Optional.of(orderId), Contracts.ZERO, Optional.of(now));
    }

    /** Waits for a placed order's fill up to the timeout, then cancels what rests; records every fill once. */
    private Attempt work(ApprovedTrade trade, Attempt attempt) throws SQLException, InterruptedException {
        String orderId = attempt.exchangeOrderId().orElseThrow();
        Instant deadline = attempt.placedAt().orElse(clock.instant()).plus(trade.plan().fillTimeout());
        while (true) {
            Order order;
            try {
                order = exchange.order(orderId);
            } catch (ExchangeException e) {
                errors.report(ErrorKind.EXCHANGE_API, "read order", e.getMessage(), trade.correlationId());
                Thread.sleep(config.pollInterval().toMillis());
                continue;
            }
            recordFills(trade, attempt, orderId);
            if (!order.isResting()) {
                Contracts filled = order.fillCountFp();
                OrderStatus status = filled.compareTo(attempt.count()) >= 0 ? OrderStatus.FILLED : OrderStatus.CANCELLED;
                ledger.ended(attempt.clientOrderId(), AttemptStatus.ENDED, filled, List.of(EntryEvents.step(trade,
                        attempt, status, Optional.of(orderId), filled, Optional.empty(), Optional.of(status == OrderStatus.FILLED
                                ? "filled" : filled + " of " + attempt.count() + " filled, the rest cancelled"),
                        clock.instant())));
                balance.refreshSoon();
                return withStatus(attempt, AttemptStatus.ENDED, Optional.of(orderId));
            }
            boolean halted = tradingState.current().isPresent() && !tradingState.entriesAllowed();
            if (!clock.instant().isBefore(deadline) || halted) {
                cancel(trade, orderId);
            }
            Thread.sleep(config.pollInterval().toMillis());
        }
    }

    private void cancel(ApprovedTrade trade, String orderId) {
        try {
            exchange.cancelOrder(orderId);
        } catch (ExchangeException.NotFound gone) {
            // filled or cancelled meanwhile: the next look at the order says which
        } catch (ExchangeException e) {
            errors.report(ErrorKind.EXCHANGE_API, "cancel order", e.getMessage(), trade.correlationId());
        }
    }

    private void recordFills(ApprovedTrade trade, Attempt attempt, String orderId) throws SQLException {
        Optional<String> cursor = Optional.empty();
        do {
            Page<Fill> page;
            try {
                page = exchange.fills(Map.of("order_id", orderId), cursor, 200);
            } catch (ExchangeException e) {
                errors.report(ErrorKind.EXCHANGE_API, "read fills", e.getMessage(), trade.correlationId());
                return;
            }
            for (Fill fill : page.items()) {
                Outgoing event = EntryEvents.fill(trade, attempt, fill, clock.instant());
                boolean recorded = ledger.recordFill(new OrderLedger.FillRecord(fill.dedupeId(), attempt.clientOrderId(),
                        trade.positionId(), fill.countFp(), EntryEvents.heldPrice(trade.side(), fill), fill.feeCost(),
                        fill.createdTime()), List.of(event));
                if (recorded) {
                    Log.infof("entry %s filled %s at %s (trade %s) correlationId=%s", trade.positionId(),
                            fill.countFp(), EntryEvents.heldPrice(trade.side(), fill), fill.dedupeId(),
                            trade.correlationId());
                }
            }
            cursor = page.isLast() ? Optional.empty() : Optional.of(page.cursor());
        } while (cursor.isPresent());
    }

    private Optional<Order> lookUp(Attempt attempt) {
        try {
            return exchange.findByClientOrderId(attempt.marketTicker(), attempt.clientOrderId());
        } catch (ExchangeException e) {
            throw new TryLater("cannot look up order " + attempt.clientOrderId() + ": " + e.getMessage(), e);
        }
    }

    private void end(ApprovedTrade trade, OrderStatus status, Attempt last, String note) throws SQLException {
        end(trade, status, last.attempt(), last.clientOrderId(), note);
    }

    private void end(ApprovedTrade trade, OrderStatus status, int attempts, String lastClientOrderId, String note)
            throws SQLException {
        Contracts filled = ledger.filled(trade.positionId());
        ledger.finish(trade.positionId(), List.of(EntryEvents.end(trade, status, attempts, lastClientOrderId, filled,
                Optional.empty(), note, clock.instant())));
        Log.infof("entry %s ended %s: %s (%s of %s filled) correlationId=%s", trade.positionId(), status, note, filled,
                trade.contracts(), trade.correlationId());
    }

    private static Attempt withStatus(Attempt attempt, AttemptStatus status, Optional<String> orderId) {
        return new Attempt(attempt.clientOrderId(), attempt.executionId(), attempt.attempt(), attempt.marketTicker(),
                attempt.side(), attempt.action(), attempt.price(), attempt.count(), attempt.timeInForce(), status,
                orderId.or(attempt::exchangeOrderId), attempt.filled(), attempt.placedAt());
    }
}
