package dev.tradeloop.exit;

import dev.tradeloop.events.Action;
import dev.tradeloop.events.AlertCode;
import dev.tradeloop.events.AlertSeverity;
import dev.tradeloop.events.ExitPriority;
import dev.tradeloop.events.ExitTrigger;
import dev.tradeloop.events.OperationalError.ErrorKind;
import dev.tradeloop.events.OrderEnding;
import dev.tradeloop.events.OrderStatus;
import dev.tradeloop.events.Side;
import dev.tradeloop.events.money.Contracts;
import dev.tradeloop.events.money.Price;
import dev.tradeloop.events.money.PriceGrid;
import dev.tradeloop.exchange.model.Market;
import dev.tradeloop.exchange.model.MarketPosition;
import dev.tradeloop.exchange.model.NewOrder;
import dev.tradeloop.exchange.rest.ExchangeException;
import dev.tradeloop.exchange.rest.KalshiClient;
import dev.tradeloop.exit.Escalation.Kind;
import dev.tradeloop.exit.config.ExitConfig;
import dev.tradeloop.ledger.Attempt;
import dev.tradeloop.ledger.AttemptStatus;
import dev.tradeloop.ledger.LedgerConfig;
import dev.tradeloop.ledger.OrderLedger;
import dev.tradeloop.ledger.OrderRunner.TryLater;
import dev.tradeloop.ledger.OrderRunner;
import dev.tradeloop.ledger.Outgoing;
import dev.tradeloop.support.Alerts;
import dev.tradeloop.support.OperationalErrors;
import dev.tradeloop.support.TradingStateFollower;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Executes one exit trigger to its end, resuming from the ledger wherever it stopped: each
 * attempt's place in the {@link Escalation} is its attempt number, its price comes from
 * {@link ExitPricing} on the book read just before it, and its count is what is left to sell,
 * never more than the exchange says is held. Every step is an {@code order-events} event whose
 * note says why that price. It ends filled, taken over by a more urgent exit, or failed (the
 * position stays open; an {@code EXIT_FAILED} event and an alert go out). Nothing is sent while
 * trading is HALTED; the exit waits, and goes on when exits are allowed again.
 */
@ApplicationScoped
public class ExitExecutor {

    private static final Duration LONGEST_MARKET_PAUSE = Duration.ofSeconds(5);

    private final OrderLedger ledger;
    private final OrderRunner runner;
    private final KalshiClient exchange;
    private final TradingStateFollower tradingState;
    private final OperationalErrors errors;
    private final ExitConfig config;
    private final Duration pollInterval;
    private final Alerts alerts;
    private final Clock clock;

    public ExitExecutor(OrderLedger ledger, OrderRunner runner, KalshiClient exchange,
            TradingStateFollower tradingState, OperationalErrors errors, ExitConfig config, LedgerConfig ledgerConfig,
            Alerts alerts, Clock clock) {
        this.alerts = alerts;
        this.ledger = ledger;
        this.runner = runner;
        this.exchange = exchange;
        this.tradingState = tradingState;
        this.errors = errors;
        this.config = config;
        this.pollInterval = ledgerConfig.pollInterval();
        this.clock = clock;
    }

    /**
     * Works the exit until it has ended; {@code takenOverBy} says when a more urgent trigger for the
     * same position wants it to stop. Throws {@link TryLater} when it must be tried again later.
     */
    public void execute(ExitTrigger trigger, Supplier<Optional<ExitTrigger>> takenOverBy)
            throws SQLException, InterruptedException {
        if (tradingState.current().isEmpty()) {
            throw new TryLater("the trading state is not known yet", null);
        }
        Run run = new Run(trigger, takenOverBy);
        List<Attempt> attempts = ledger.attempts(run.id);
        Optional<Price> lastPrice = Optional.empty();
        if (!attempts.isEmpty()) {
            Attempt last = attempts.get(attempts.size() - 1);
            lastPrice = Optional.of(last.price());
            if (last.status() == AttemptStatus.INTENDED) {
                last = runner.send(last, true, tradingState::exitsAllowed, run.report);
            }
            if (last.status() == AttemptStatus.PLACED) {
                last = run.work(last);
            }
            if (last.status() == AttemptStatus.REJECTED) {
                run.fail(attempts.size(), OrderEnding.EXCHANGE_REFUSED, "the exchange refused order "
                        + last.clientOrderId(), Optional.empty());
                return;
            }
        }
        int next = attempts.size() + 1;
        while (true) {
            ExitRules.Situation situation = new ExitRules.Situation(trigger, ledger.filled(run.id), takenOverBy.get(),
                    tradingState.exitsAllowed(), run.escalation.at(next), config.marketTries(), Optional.empty(),
                    Optional.empty());
            ExitMove move = ExitRules.next(situation);
            if (move instanceof ExitMove.ReadMarket) {
                situation = situation.withMarketPaused(run.marketPaused());
                move = ExitRules.next(situation);
            }
            if (move instanceof ExitMove.ReadHeld) {
                move = ExitRules.next(situation.withHeld(heldOnExchange(trigger)));
            }
            if (move instanceof ExitMove.Finish finish) {
                run.finish(finish.status(), finish.ending(), next - 1, finish.note());
                return;
            }
            if (move instanceof ExitMove.Fail fail) {
                run.fail(next - 1, fail.ending(), fail.why(), fail.before());
                return;
            }
            if (move instanceof ExitMove.NothingHeld nothing) {
                run.mismatch(next - 1, nothing.why());
                return;
            }
            if (move instanceof ExitMove.WaitWhileHalted) {
                run.waitWhileHalted();
                continue;
            }
            if (move instanceof ExitMove.WaitWhileMarketPaused) {
                run.waitWhileMarketPaused();
                continue;
            }
            ExitMove.Sell sell = (ExitMove.Sell) move;
            Optional<HeldBook> book = trigger.priority() == ExitPriority.CRITICAL ? run.awaitBid() : run.awaitBook();
            if (book.isEmpty()) {
                if (!run.stopEarly().getAsBoolean()) {
                    run.fail(next - 1, OrderEnding.NO_TWO_SIDED_BOOK, "no two-sided book on "
                            + trigger.marketTicker() + " for " + trigger.execution().fillTimeout().toSeconds()
                            + " s: nothing to sell into", Optional.empty());
                    return;
                }
                continue;
            }
            Attempt attempt = run.intend(sell.state(), next, book.get(), lastPrice, sell.count());
            lastPrice = Optional.of(attempt.price());
            attempt = runner.send(attempt, false, tradingState::exitsAllowed, run.report);
            if (attempt.status() == AttemptStatus.REJECTED) {
                run.fail(next, OrderEnding.EXCHANGE_REFUSED, "the exchange refused order " + attempt.clientOrderId(),
                        Optional.empty());
                return;
            }
            if (attempt.status() == AttemptStatus.PLACED) {
                run.work(attempt);
            }
            next++;
        }
    }

    /** One execution of one trigger: what it reports, and the steps it takes. */
    private final class Run {

        final ExitTrigger trigger;
        final String id;
        final ExitEvents report;
        final Escalation escalation;
        final Supplier<Optional<ExitTrigger>> takenOverBy;
        /** The market's price grid in the held side's prices, read once per execution. */
        Optional<PriceGrid> grid = Optional.empty();

        Run(ExitTrigger trigger, Supplier<Optional<ExitTrigger>> takenOverBy) {
            this.trigger = trigger;
            this.id = ExitDesk.executionId(trigger);
            this.report = new ExitEvents(trigger);
            this.escalation = new Escalation(trigger.execution(), config.marketTries());
            this.takenOverBy = takenOverBy;
        }

        /** Stop waiting for a fill or a book: a more urgent exit takes over, or trading halted. */
        BooleanSupplier stopEarly() {
            return () -> takenOverBy.get().isPresent() || !tradingState.exitsAllowed();
        }

        /** Writes the next attempt, priced for its state on this book, with the reason for its price. */
        Attempt intend(Escalation.State state, int number, HeldBook book, Optional<Price> lastPrice, Contracts count)
                throws SQLException {
            Price price;
            String why;
            OrderStatus status = OrderStatus.INTENDED;
            if (state.kind() == Kind.MARKET) {
                price = ExitPricing.market(book);
                why = "market try " + state.number() + " of " + config.marketTries()
                        + ": immediate-or-cancel at the floor (bid − spread) on " + book + " = " + price;
                if (escalation.escalatesAt(state)) {
                    status = OrderStatus.ESCALATED;
                    why = trigger.execution().maxWalks() + " walks without a full fill, to market; " + why;
                }
            } else if (state.kind() == Kind.WALK && lastPrice.isPresent()) {
                price = ExitPricing.walk(lastPrice.get(), state.number(), book);
                status = OrderStatus.WALKED;
                why = "walk " + state.number() + " of " + trigger.execution().maxWalks() + ": " + lastPrice.get()
                        + " − " + Price.ofCents(state.number()) + " on " + book + ", floor "
                        + ExitPricing.floor(book) + " = " + price;
            } else {
                price = ExitPricing.start(trigger.priority(), book);
                why = trigger.priority() + " start (" + startRule() + ") on " + book + " = " + price;
            }
            String timeInForce = state.kind() == Kind.MARKET ? NewOrder.IMMEDIATE_OR_CANCEL
                    : NewOrder.GOOD_TILL_CANCELED;
            Attempt attempt = Attempt.intended(id, number, trigger.marketTicker(), trigger.side(), Action.SELL, price,
                    count, timeInForce);
            ledger.intend(attempt, List.of(report.step(attempt, status, Optional.empty(), Contracts.ZERO,
                    Optional.empty(), Optional.of(why), clock.instant())));
            Log.infof("exit %s %s %s: %s", trigger.positionId(), trigger.priority(),
                    trigger.reason(), why);
            return attempt;
        }

        private String startRule() {
            switch (trigger.priority()) {
                case CRITICAL:
                    return "market: bid − spread";
                case HIGH:
                    return "aggressive: max(bid − 0.01, bid × 0.98)";
                case MEDIUM:
                    return "fair: (bid + ask) / 2";
                default:
                    return "conservative: the ask";
            }
        }

        /**
         * Waits for a placed attempt's fill: a limit for the trigger's fill timeout, a "market" order
         * (which never rests) then pauses as long before the next try, so the book can fill again.
         */
        Attempt work(Attempt attempt) throws SQLException, InterruptedException {
            Instant placed = attempt.placedAt().orElse(clock.instant());
            Instant deadline = placed.plus(trigger.execution().fillTimeout());
            Attempt ended = runner.work(attempt, deadline, stopEarly(), report);
            if (NewOrder.IMMEDIATE_OR_CANCEL.equals(attempt.timeInForce())
                    && ended.filled().compareTo(attempt.count()) < 0) {
                Duration pause = trigger.execution().fillTimeout().compareTo(LONGEST_MARKET_PAUSE) < 0
                        ? trigger.execution().fillTimeout() : LONGEST_MARKET_PAUSE;
                pauseUntil(placed.plus(pause));
            }
            return ended;
        }

        /** The held side's book, waiting up to the fill timeout for it to have both a bid and an ask. */
        Optional<HeldBook> awaitBook() throws InterruptedException {
            Instant deadline = clock.instant().plus(trigger.execution().fillTimeout());
            while (true) {
                try {
                    if (grid.isEmpty()) {
                        grid = Optional.of(exchange.market(trigger.marketTicker()).priceGrid(trigger.side()));
                    }
                    Optional<HeldBook> book = HeldBook.of(exchange.orderBook(trigger.marketTicker(), 0), trigger.side(),
                            grid.get());
                    if (book.isPresent()) {
                        return book;
                    }
                } catch (ExchangeException e) {
                    errors.report(ErrorKind.EXCHANGE_API, "read the market and its order book", e.getMessage(),
                            trigger.correlationId());
                }
                if (!clock.instant().isBefore(deadline) || stopEarly().getAsBoolean()) {
                    return Optional.empty();
                }
                Thread.sleep(pollInterval.toMillis());
            }
        }

        /**
         * The book of a CRITICAL exit, which never gives up for want of a price: a bid is enough to
         * sell into; with none, it waits (alerting once, after the fill timeout) until one appears,
         * a more urgent exit takes over, or trading halts.
         */
        Optional<HeldBook> awaitBid() throws InterruptedException {
            Instant alertAfter = clock.instant().plus(trigger.execution().fillTimeout());
            boolean alerted = false;
            while (!stopEarly().getAsBoolean()) {
                try {
                    if (grid.isEmpty()) {
                        grid = Optional.of(exchange.market(trigger.marketTicker()).priceGrid(trigger.side()));
                    }
                    Optional<HeldBook> book = HeldBook.toSellInto(exchange.orderBook(trigger.marketTicker(), 0),
                            trigger.side(), grid.get());
                    if (book.isPresent()) {
                        return book;
                    }
                } catch (ExchangeException e) {
                    errors.report(ErrorKind.EXCHANGE_API, "read the market and its order book", e.getMessage(),
                            trigger.correlationId());
                }
                if (!alerted && !clock.instant().isBefore(alertAfter)) {
                    alerted = true;
                    alerts.raise(AlertSeverity.CRITICAL, AlertCode.EXIT_WAITING_FOR_BID, "the " + trigger.reason()
                            + " exit of " + trigger.positionId() + " waits for a bid: nobody bids for "
                            + trigger.side() + " on " + trigger.marketTicker() + "; it sells as soon as one appears",
                            trigger.correlationId(), Optional.of(trigger.positionId()),
                            Optional.of(trigger.marketTicker()));
                }
                Thread.sleep(pollInterval.toMillis());
            }
            return Optional.empty();
        }

        /**
         * True when the exchange has the market paused ({@code inactive}): it takes no order, so the
         * exit waits rather than fail on a refusal. A market that cannot be read is not called paused.
         */
        boolean marketPaused() {
            try {
                Market market = exchange.market(trigger.marketTicker());
                grid = Optional.of(market.priceGrid(trigger.side()));
                return market.isPaused();
            } catch (ExchangeException e) {
                errors.report(ErrorKind.EXCHANGE_API, "read the market", e.getMessage(), trigger.correlationId());
                return false;
            }
        }

        void waitWhileMarketPaused() throws InterruptedException {
            Log.infof("exit %s waits: the exchange has %s paused", trigger.positionId(), trigger.marketTicker());
            while (marketPaused() && !stopEarly().getAsBoolean()) {
                Thread.sleep(pollInterval.toMillis());
            }
        }

        void waitWhileHalted() throws InterruptedException {
            Log.infof("exit %s waits: trading is %s", trigger.positionId(),
                    tradingState.current().map(s -> s.mode().name()).orElse("not known"));
            while (!tradingState.exitsAllowed() && takenOverBy.get().isEmpty()) {
                Thread.sleep(pollInterval.toMillis());
            }
        }

        void finish(OrderStatus status, OrderEnding ending, int attempts, String note) throws SQLException {
            Contracts filled = ledger.filled(id);
            ledger.finish(id, List.of(report.end(status, ending, attempts, filled, note, clock.instant())));
            Log.infof("exit %s %s %s ended %s (%s): %s", trigger.positionId(), trigger.priority(),
                    trigger.reason(), status, ending, note);
        }

        /** Every escalation failed: the position stays open; the monitor hears it, and a person is told. */
        void fail(int attempts, OrderEnding ending, String why, Optional<OrderStatus> before) throws SQLException {
            end(attempts, ending, why, AlertCode.EXIT_FAILED, before);
        }

        /** The exchange does not hold what the monitor wants sold. */
        void mismatch(int attempts, String why) throws SQLException {
            end(attempts, OrderEnding.NOTHING_HELD, why, AlertCode.RECONCILIATION_MISMATCH, Optional.empty());
        }

        private void end(int attempts, OrderEnding ending, String why, AlertCode code, Optional<OrderStatus> before)
                throws SQLException {
            Contracts filled = ledger.filled(id);
            Instant now = clock.instant();
            String note = why + "; " + filled + " of " + trigger.quantity() + " sold, the position stays open";
            List<Outgoing> events = new ArrayList<>();
            before.ifPresent(status -> events.add(report.end(status, ending, attempts, filled, why, now)));
            events.add(report.end(OrderStatus.EXIT_FAILED, ending, attempts, filled, note, now));
            events.add(report.alert(code, "exit of " + trigger.positionId() + " (" + trigger.priority() + " "
                    + trigger.reason() + ") failed: " + note, now));
            ledger.finish(id, events);
            Log.warnf("exit %s %s %s failed: %s", trigger.positionId(), trigger.priority(),
                    trigger.reason(), note);
        }

        private void pauseUntil(Instant until) throws InterruptedException {
            while (clock.instant().isBefore(until) && !stopEarly().getAsBoolean()) {
                Thread.sleep(pollInterval.toMillis());
            }
        }
    }

    /** What the exchange says the account holds of the trigger's side on its market. */
    private Contracts heldOnExchange(ExitTrigger trigger) {
        Optional<MarketPosition> position;
        try {
            position = exchange.position(trigger.marketTicker());
        } catch (ExchangeException e) {
            errors.report(ErrorKind.EXCHANGE_API, "read position", e.getMessage(), trigger.correlationId());
            throw new TryLater("cannot read the position on " + trigger.marketTicker() + ": " + e.getMessage(), e);
        }
        return position.filter(p -> p.isNo() == (trigger.side() == Side.NO)).map(MarketPosition::size)
                .orElse(Contracts.ZERO);
    }

    private static Contracts min(Contracts a, Contracts b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
