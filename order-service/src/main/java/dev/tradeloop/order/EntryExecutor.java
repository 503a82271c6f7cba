package dev.tradeloop.order;

import dev.tradeloop.events.Action;
import dev.tradeloop.events.ApprovedTrade;
import dev.tradeloop.events.OrderEnding;
import dev.tradeloop.events.OrderStatus;
import dev.tradeloop.events.money.Contracts;
import dev.tradeloop.events.money.Price;
import dev.tradeloop.events.money.PriceGrid;
import dev.tradeloop.exchange.rest.ExchangeException;
import dev.tradeloop.exchange.rest.KalshiClient;
import dev.tradeloop.exchange.model.NewOrder;
import dev.tradeloop.ledger.Attempt;
import dev.tradeloop.ledger.AttemptStatus;
import dev.tradeloop.ledger.OrderLedger;
import dev.tradeloop.ledger.OrderRunner;
import dev.tradeloop.support.TradingStateFollower;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.time.Duration;
import dev.tradeloop.support.TradingMethods;
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

    private final OrderLedger ledger;
    private final OrderRunner runner;
    private final TradingStateFollower tradingState;
    private final Clock clock;
    private final BalanceReporter balance;
    private final KalshiClient exchange;
    private final TradingMethods methods;

    public EntryExecutor(OrderLedger ledger, OrderRunner runner, TradingStateFollower tradingState, Clock clock,
            BalanceReporter balance, KalshiClient exchange, TradingMethods methods) {
        this.methods = methods;
        this.exchange = exchange;
        this.ledger = ledger;
        this.runner = runner;
        this.tradingState = tradingState;
        this.clock = clock;
        this.balance = balance;
    }

    /** Works the entry until it has ended; throws when it must be tried again later. */
    public void execute(ApprovedTrade trade) throws SQLException, InterruptedException {
        if (tradingState.current().isEmpty()) {
            throw new OrderRunner.TryLater("the trading state is not known yet", null);
        }
        String id = trade.positionId();
        List<Attempt> attempts = ledger.attempts(id);
        int next = attempts.size() + 1;
        Optional<Duration> oldest = methods.get(trade.method()).map(method -> method.entry().maxPriceAge());
        if (attempts.isEmpty() && oldest.isPresent() && trade.occurredAt().plus(oldest.get()).isBefore(clock.instant())) {
            // after an outage, a backlog of approvals on hours-old prices is not traded
            end(trade, OrderStatus.ABANDONED, OrderEnding.STALE, 0, Attempt.clientOrderId(id, 1), "stale: approved at "
                    + trade.occurredAt() + ", older than the " + oldest.get().toSeconds() + " s the method lets a price "
                    + "be; not traded");
            return;
        }
        if (!attempts.isEmpty()) {
            Attempt last = attempts.get(attempts.size() - 1);
            if (last.status() == AttemptStatus.INTENDED) {
                last = send(trade, last, true);
            }
            if (last.status() == AttemptStatus.PLACED) {
                last = work(trade, last);
            }
            if (last.status() == AttemptStatus.REJECTED) {
                end(trade, OrderStatus.REJECTED, OrderEnding.EXCHANGE_REFUSED, last, "the exchange refused the order");
                return;
            }
        }
        PriceGrid grid = priceGrid(trade);
        while (true) {
            Contracts filled = ledger.filled(id);
            EntryMove move = EntryWalk.next(trade.plan(), trade.contracts(), filled, next, tradingState.current(),
                    grid);
            if (move instanceof EntryMove.End end) {
                end(trade, end.status(), end.ending(), next - 1, Attempt.clientOrderId(id, Math.max(1, next - 1)),
                        end.note());
                return;
            }
            EntryMove.Place place = (EntryMove.Place) move;
            Attempt attempt = Attempt.intended(id, place.attempt(), trade.marketTicker(), trade.side(), Action.BUY,
                    place.price(), place.count(), NewOrder.GOOD_TILL_CANCELED);
            ledger.intend(attempt, List.of(EntryEvents.step(trade, attempt, place.intent(), Optional.empty(),
                    Contracts.ZERO, Optional.empty(), Optional.of(place.why()), clock.instant())));
            attempt = send(trade, attempt, false);
            if (attempt.status() == AttemptStatus.REJECTED) {
                end(trade, OrderStatus.REJECTED, OrderEnding.EXCHANGE_REFUSED, attempt,
                        "the exchange refused the order");
                return;
            }
            if (attempt.status() == AttemptStatus.PLACED) {
                work(trade, attempt);
            }
            next++;
        }
    }

    /**
     * The market's price grid in the prices of the side bought, read once per execution. A market the
     * exchange does not know gets whole cents, valid everywhere: its order is refused with the
     * exchange's own reason, which the ledger records.
     */
    private PriceGrid priceGrid(ApprovedTrade trade) {
        try {
            return exchange.market(trade.marketTicker()).priceGrid(trade.side());
        } catch (ExchangeException.NotFound unknown) {
            return PriceGrid.linearCent();
        } catch (ExchangeException e) {
            throw new OrderRunner.TryLater("cannot read market " + trade.marketTicker() + " for its price grid: "
                    + e.getMessage(), e);
        }
    }

    private Attempt send(ApprovedTrade trade, Attempt attempt, boolean maybeSent) throws SQLException {
        return runner.send(attempt, maybeSent, tradingState::entriesAllowed, EntryEvents.reportFor(trade));
    }

    /** Waits for a placed order's fill up to the plan's timeout (or a halt), then cancels what rests. */
    private Attempt work(ApprovedTrade trade, Attempt attempt) throws SQLException, InterruptedException {
        Instant deadline = attempt.placedAt().orElse(clock.instant()).plus(trade.plan().fillTimeout());
        Attempt ended = runner.work(attempt, deadline,
                () -> tradingState.current().isPresent() && !tradingState.entriesAllowed(), EntryEvents.reportFor(trade));
        balance.refreshSoon();
        return ended;
    }

    private void end(ApprovedTrade trade, OrderStatus status, OrderEnding ending, Attempt last, String note)
            throws SQLException {
        end(trade, status, ending, last.attempt(), last.clientOrderId(), note);
    }

    private void end(ApprovedTrade trade, OrderStatus status, OrderEnding ending, int attempts,
            String lastClientOrderId, String note) throws SQLException {
        Contracts filled = ledger.filled(trade.positionId());
        ledger.finish(trade.positionId(), List.of(EntryEvents.end(trade, status, ending, attempts, lastClientOrderId,
                filled, note, clock.instant())));
        Log.infof("entry %s ended %s (%s): %s (%s of %s filled)", trade.positionId(), status, ending, note, filled,
                trade.contracts());
    }
}
