package dev.tradeloop.ledger;

import dev.tradeloop.events.OperationalError.ErrorKind;
import dev.tradeloop.events.OrderStatus;
import dev.tradeloop.events.Side;
import dev.tradeloop.events.money.Contracts;
import dev.tradeloop.events.money.Price;
import dev.tradeloop.exchange.model.Fill;
import dev.tradeloop.exchange.model.NewOrder;
import dev.tradeloop.exchange.model.Order;
import dev.tradeloop.exchange.model.OrderAck;
import dev.tradeloop.exchange.model.Page;
import dev.tradeloop.exchange.rest.ExchangeException;
import dev.tradeloop.exchange.rest.KalshiClient;
import dev.tradeloop.events.AlertCode;
import dev.tradeloop.events.AlertSeverity;
import dev.tradeloop.support.Alerts;
import dev.tradeloop.support.OperationalErrors;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * Runs one ledger attempt on the exchange, for entries and exits alike: sends it (after asking the
 * exchange for its client order id whenever it may have been sent already, so no order is ever
 * sent twice), waits for its fill up to a deadline, cancels what still rests, and records every
 * fill once by its trade id. What each step means to the trade is the caller's {@link Report}.
 */
@ApplicationScoped
public class OrderRunner {

    /** The execution cannot go on now (the exchange is unreachable, the trading state unknown): try later. */
    public static final class TryLater extends RuntimeException {
        public TryLater(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The events that report an attempt's steps and fills, as the caller's trade words them. */
    public interface Report {
        String positionId();

        String correlationId();

        Outgoing step(Attempt attempt, OrderStatus status, Optional<String> orderId, Contracts filled,
                Optional<String> errorCode, Optional<String> note, Instant at);

        Outgoing fill(Attempt attempt, Fill fill, Instant at);
    }

    private final OrderLedger ledger;
    private final KalshiClient exchange;
    private final OperationalErrors errors;
    private final Clock clock;
    private final Duration pollInterval;
    private final Duration liveReadInterval;
    private final OrderWatch watch;
    private final MeterRegistry registry;
    private final Alerts alerts;
    private final Duration resendAfter;

    public OrderRunner(OrderLedger ledger, KalshiClient exchange, OperationalErrors errors, Clock clock,
            LedgerConfig config, OrderWatch watch, MeterRegistry registry, Alerts alerts) {
        this.alerts = alerts;
        this.resendAfter = config.resendAfter();
        this.ledger = ledger;
        this.exchange = exchange;
        this.errors = errors;
        this.clock = clock;
        this.pollInterval = config.pollInterval();
        this.liveReadInterval = config.liveReadInterval();
        this.watch = watch;
        this.registry = registry;
    }

    /**
     * Sends an intended attempt; first asks the exchange for it when it may have been sent already.
     * Right before the order would go out, {@code allowed} is asked whether trading allows it now: if
     * not (a halt that came while the attempt waited, or during a restart), nothing is sent and the
     * attempt ends unsent, with nothing filled.
     */
    public Attempt send(Attempt attempt, boolean maybeSent, BooleanSupplier allowed, Report report)
            throws SQLException {
        Optional<Instant> sentAt = Optional.empty();
        if (maybeSent) {
            Optional<Order> existing = lookUp(attempt);
            if (existing.isPresent()) {
                return placed(attempt, existing.get().orderId(), "found on the exchange by its client order id", report);
            }
            sentAt = ledger.sentAt(attempt.clientOrderId());
            if (sentAt.isPresent() && clock.instant().isBefore(sentAt.get().plus(resendAfter))) {
                throw new TryLater("order " + attempt.clientOrderId() + " was sent at " + sentAt.get()
                        + " and is not on the exchange yet; it may still arrive, so it is looked for again before "
                        + sentAt.get().plus(resendAfter) + " rather than sent twice", null);
            }
        }
        if (!allowed.getAsBoolean()) {
            return notSent(attempt, report);
        }
        if (sentAt.isPresent()) {
            alerts.raise(AlertSeverity.WARNING, AlertCode.ORDER_RESENT, "order " + attempt.clientOrderId() + " was sent at "
                    + sentAt.get() + " without a readable answer and the exchange has not shown it since; sent again "
                    + "under the same client order id", report.correlationId(), Optional.of(report.positionId()),
                    Optional.of(attempt.marketTicker()));
        }
        ledger.sending(attempt.clientOrderId());
        NewOrder order = NewOrder.of(attempt.marketTicker(), attempt.side(), attempt.action(), attempt.count(),
                attempt.price(), attempt.timeInForce(), attempt.clientOrderId());
        try {
            OrderAck ack = exchange.createOrder(order);
            return placed(attempt, ack.orderId(), "placed", report);
        } catch (ExchangeException.Rejected | ExchangeException.NotFound | ExchangeException.Unauthorized e) {
            if (e instanceof ExchangeException.Unauthorized) {
                errors.report(ErrorKind.EXCHANGE_API, "create order", e.getMessage(), report.correlationId());
            }
            ledger.ended(attempt.clientOrderId(), AttemptStatus.REJECTED, Contracts.ZERO, List.of(report.step(
                    attempt, OrderStatus.REJECTED, Optional.empty(), Contracts.ZERO, e.code(),
                    Optional.of(e.getMessage()), clock.instant())));
            Log.warnf("order %s refused: %s correlationId=%s", attempt.clientOrderId(), e.getMessage(),
                    report.correlationId());
            return attempt.with(AttemptStatus.REJECTED, Optional.empty());
        } catch (ExchangeException e) {
            // a conflict (the id is in use), a timeout, a lost answer, a 5xx: the order may be there
            if (!(e instanceof ExchangeException.Conflict)) {
                errors.report(ErrorKind.EXCHANGE_API, "create order", e.getMessage(), report.correlationId());
            }
            Optional<Order> existing = lookUp(attempt);
            if (existing.isPresent()) {
                return placed(attempt, existing.get().orderId(), "found on the exchange after: " + e.getMessage(),
                        report);
            }
            throw new TryLater("order " + attempt.clientOrderId() + " not confirmed: " + e.getMessage(), e);
        }
    }

    /**
     * Waits for a placed order's fill until {@code deadline} (or until {@code stopEarly} says so),
     * then cancels what rests; records every fill once, and the attempt's end. The order is read
     * when the {@code user_orders} feed says it changed, and otherwise every
     * {@code live-read-interval}; while the feed is not live, every {@code poll-interval}. An order
     * that stopped resting ends the attempt only once the fills recorded add up to what the exchange
     * says filled: fills that lag behind the order, or a fills listing that failed, are read again.
     */
    public Attempt work(Attempt attempt, Instant deadline, BooleanSupplier stopEarly, Report report)
            throws SQLException, InterruptedException {
        String orderId = attempt.exchangeOrderId().orElseThrow();
        watch.watch(orderId);
        try {
            String why = "first";
            while (true) {
                long seen = watch.changes(orderId);
                registry.counter("tradeloop.ledger.order.reads", "why", why).increment();
                Order order;
                try {
                    order = exchange.order(orderId, attempt.marketTicker());
                } catch (ExchangeException.NotFound gone) {
                    return forgotten(attempt, orderId, report);
                } catch (ExchangeException e) {
                    errors.report(ErrorKind.EXCHANGE_API, "read order", e.getMessage(), report.correlationId());
                    Thread.sleep(pollInterval.toMillis());
                    why = "retry";
                    continue;
                }
                recordFills(attempt, orderId, report);
                if (!order.isResting() && ledger.filledBy(attempt.clientOrderId()).compareTo(order.fillCountFp()) < 0) {
                    // the exchange counts fills its listing did not give (they lag, or it failed): the attempt
                    // ends only once every one is recorded, or the next walk would buy them again
                    if (!"fills-missing".equals(why)) {
                        Log.warnf("order %s: the exchange says %s filled, %s recorded; waiting for the rest of its "
                                + "fills correlationId=%s", attempt.clientOrderId(), order.fillCountFp(),
                                ledger.filledBy(attempt.clientOrderId()), report.correlationId());
                    }
                    Thread.sleep(pollInterval.toMillis());
                    why = "fills-missing";
                    continue;
                }
                if (!order.isResting()) {
                    Contracts filled = order.fillCountFp();
                    OrderStatus status = filled.compareTo(attempt.count()) >= 0 ? OrderStatus.FILLED : OrderStatus.CANCELLED;
                    ledger.ended(attempt.clientOrderId(), AttemptStatus.ENDED, filled, List.of(report.step(attempt,
                            status, Optional.of(orderId), filled, Optional.empty(), Optional.of(status == OrderStatus.FILLED
                                    ? "filled" : filled + " of " + attempt.count() + " filled, the rest cancelled"),
                            clock.instant())));
                    return attempt.with(AttemptStatus.ENDED, Optional.of(orderId)).withFilled(filled);
                }
                boolean stopping = !clock.instant().isBefore(deadline) || stopEarly.getAsBoolean();
                if (stopping) {
                    cancel(orderId, attempt.marketTicker(), report);
                }
                why = nextLook(orderId, seen, stopping, deadline, stopEarly);
            }
        } finally {
            watch.forget(orderId);
        }
    }

    /**
     * Waits for the next reason to read the order, and says which: it changed, the deadline came or
     * the caller wants to stop (unless already {@code stopping}), or it is time to read it anyway.
     */
    private String nextLook(String orderId, long seen, boolean stopping, Instant deadline, BooleanSupplier stopEarly)
            throws InterruptedException {
        boolean live = watch.isLive();
        Instant readBy = clock.instant().plus(live ? liveReadInterval : pollInterval);
        while (true) {
            if (watch.changes(orderId) != seen) {
                return "changed";
            }
            Instant now = clock.instant();
            if (!now.isBefore(readBy)) {
                return live ? "fallback" : "polled";
            }
            if (!stopping && (!now.isBefore(deadline) || stopEarly.getAsBoolean())) {
                return "stop";
            }
            Duration left = Duration.between(now, readBy);
            watch.awaitChange(orderId, seen, left.compareTo(pollInterval) < 0 ? left : pollInterval);
        }
    }

    /** The price of the side held: Kalshi reports both; a missing NO price is the YES price's complement. */
    public static Price heldPrice(Side side, Fill fill) {
        if (side == Side.YES) {
            return fill.yesPriceDollars();
        }
        return fill.noPriceDollars() != null ? fill.noPriceDollars() : fill.yesPriceDollars().complement();
    }

    private Attempt notSent(Attempt attempt, Report report) throws SQLException {
        String note = "not sent: trading does not allow a new order now";
        ledger.ended(attempt.clientOrderId(), AttemptStatus.ENDED, Contracts.ZERO, List.of(report.step(attempt,
                OrderStatus.CANCELLED, Optional.empty(), Contracts.ZERO, Optional.of("trading_halted"),
                Optional.of(note), clock.instant())));
        Log.infof("order %s %s correlationId=%s", attempt.clientOrderId(), note, report.correlationId());
        return attempt.with(AttemptStatus.ENDED, Optional.empty());
    }

    private Attempt placed(Attempt attempt, String orderId, String note, Report report) throws SQLException {
        Instant now = clock.instant();
        ledger.placed(attempt.clientOrderId(), orderId, now, List.of(report.step(attempt, OrderStatus.PLACED,
                Optional.of(orderId), Contracts.ZERO, Optional.empty(), Optional.of(note), now)));
        Log.infof("order %s: %s %s %s %s of %s at %s, order %s correlationId=%s", attempt.clientOrderId(), note,
                attempt.action(), attempt.count(), attempt.side(), attempt.marketTicker(), attempt.price(), orderId,
                report.correlationId());
        return attempt.with(AttemptStatus.PLACED, Optional.of(orderId)).placedAt(now);
    }

    /**
     * The exchange no longer knows an order the ledger placed (a paper exchange restarted empty, say):
     * nothing of it can rest, so the attempt ends with what its recorded fills say, and a person is told
     * through the event's note rather than the order being asked about for ever.
     */
    private Attempt forgotten(Attempt attempt, String orderId, Report report) throws SQLException {
        recordFills(attempt, orderId, report);
        Contracts filled = ledger.filledBy(attempt.clientOrderId());
        String note = "the exchange no longer knows order " + orderId + "; " + filled + " of " + attempt.count()
                + " filled as recorded";
        ledger.ended(attempt.clientOrderId(), AttemptStatus.ENDED, filled, List.of(report.step(attempt,
                OrderStatus.CANCELLED, Optional.of(orderId), filled, Optional.of("not_found"), Optional.of(note),
                clock.instant())));
        Log.warnf("order %s: %s correlationId=%s", attempt.clientOrderId(), note, report.correlationId());
        return attempt.with(AttemptStatus.ENDED, Optional.of(orderId)).withFilled(filled);
    }

    private void cancel(String orderId, String marketTicker, Report report) {
        try {
            exchange.cancelOrder(orderId, marketTicker);
        } catch (ExchangeException.NotFound gone) {
            // filled or cancelled meanwhile: the next look at the order says which
        } catch (ExchangeException e) {
            errors.report(ErrorKind.EXCHANGE_API, "cancel order", e.getMessage(), report.correlationId());
        }
    }

    private void recordFills(Attempt attempt, String orderId, Report report) throws SQLException {
        Optional<String> cursor = Optional.empty();
        do {
            Page<Fill> page;
            try {
                page = exchange.fills(Map.of("order_id", orderId), cursor, 200);
            } catch (ExchangeException e) {
                errors.report(ErrorKind.EXCHANGE_API, "read fills", e.getMessage(), report.correlationId());
                return;
            }
            for (Fill fill : page.items()) {
                Price price = heldPrice(attempt.side(), fill);
                boolean recorded = ledger.recordFill(new OrderLedger.FillRecord(fill.dedupeId(),
                        attempt.clientOrderId(), report.positionId(), fill.countFp(), price, fill.feeCost(),
                        fill.createdTime()), List.of(report.fill(attempt, fill, clock.instant())));
                if (recorded) {
                    Log.infof("order %s: %s %s at %s (trade %s) correlationId=%s", attempt.clientOrderId(),
                            attempt.action(), fill.countFp(), price, fill.dedupeId(), report.correlationId());
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
}
