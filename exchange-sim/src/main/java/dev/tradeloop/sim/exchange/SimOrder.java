package dev.tradeloop.sim.exchange;

import dev.tradeloop.events.money.Contracts;
import dev.tradeloop.events.money.Money;
import dev.tradeloop.events.money.Price;
import java.time.Instant;
import java.util.Optional;

/** An order on the simulated exchange; mutable, and touched only under the exchange's lock. */
public final class SimOrder {

    public enum Status { RESTING, CANCELED, EXECUTED }

    private final String orderId;
    private final Optional<String> clientOrderId;
    private final String accountId;
    private final String ticker;
    private final BookSide side;
    private final Instant createdAt;
    private Price yesPrice;
    private Contracts initial;
    private Contracts filled = Contracts.ZERO;
    private Contracts remaining;
    private Status status = Status.RESTING;
    private long priority;
    private Instant updatedAt;
    private Money takerFees = Money.ZERO;
    private Money makerFees = Money.ZERO;
    private Money takerFillCost = Money.ZERO;
    private Money makerFillCost = Money.ZERO;
    private Money feeAccumulator = Money.ZERO;

    SimOrder(String orderId, Optional<String> clientOrderId, String accountId, String ticker, BookSide side,
            Price yesPrice, Contracts count, long priority, Instant now) {
        this.orderId = orderId;
        this.clientOrderId = clientOrderId;
        this.accountId = accountId;
        this.ticker = ticker;
        this.side = side;
        this.yesPrice = yesPrice;
        this.initial = count;
        this.remaining = count;
        this.priority = priority;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** All an order is, to be kept and restored after a restart. */
    public record State(String orderId, Optional<String> clientOrderId, String accountId, String ticker, BookSide side,
            Instant createdAt, Price yesPrice, Contracts initial, Contracts filled, Contracts remaining, Status status,
            long priority, Instant updatedAt, Money takerFees, Money makerFees, Money takerFillCost,
            Money makerFillCost, Money feeAccumulator) {
    }

    State state() {
        return new State(orderId, clientOrderId, accountId, ticker, side, createdAt, yesPrice, initial, filled,
                remaining, status, priority, updatedAt, takerFees, makerFees, takerFillCost, makerFillCost,
                feeAccumulator);
    }

    static SimOrder restore(State state) {
        SimOrder order = new SimOrder(state.orderId(), state.clientOrderId(), state.accountId(), state.ticker(),
                state.side(), state.yesPrice(), state.initial(), state.priority(), state.createdAt());
        order.filled = state.filled();
        order.remaining = state.remaining();
        order.status = state.status();
        order.updatedAt = state.updatedAt();
        order.takerFees = state.takerFees();
        order.makerFees = state.makerFees();
        order.takerFillCost = state.takerFillCost();
        order.makerFillCost = state.makerFillCost();
        order.feeAccumulator = state.feeAccumulator() == null ? Money.ZERO : state.feeAccumulator();
        return order;
    }

    /**
     * The fee parts of a fill of this order: its trade fee and the rounding Kalshi applies to the
     * balance change, with the order's rounding accumulator moved on (see {@link FeeRounding}).
     */
    FeeRounding.Charge charge(Contracts count, Price tradePrice, Money tradeFee) {
        Price paid = side == BookSide.BID ? tradePrice : tradePrice.complement();
        FeeRounding.Charge charge = FeeRounding.charge(Money.ZERO.minus(paid.times(count)), tradeFee, feeAccumulator);
        feeAccumulator = charge.accumulator();
        return charge;
    }

    void recordFill(SimFill fill, Instant now) {
        filled = filled.plus(fill.count());
        remaining = remaining.minus(fill.count());
        if (fill.taker()) {
            takerFees = takerFees.plus(fill.fee());
            takerFillCost = takerFillCost.plus(fill.cost());
        } else {
            makerFees = makerFees.plus(fill.fee());
            makerFillCost = makerFillCost.plus(fill.cost());
        }
        if (remaining.isZero()) {
            status = Status.EXECUTED;
        }
        updatedAt = now;
    }

    void cancelRemaining(Instant now) {
        remaining = Contracts.ZERO;
        status = Status.CANCELED;
        updatedAt = now;
    }

    /** Amends price and the total count; the order keeps its priority only if neither worsens it. */
    void amend(Price newPrice, Contracts newTotal, long newPriority, Instant now) {
        boolean keepsPriority = newPrice.equals(yesPrice) && newTotal.compareTo(initial) <= 0;
        yesPrice = newPrice;
        initial = newTotal;
        remaining = newTotal.minus(filled);
        if (!keepsPriority) {
            priority = newPriority;
        }
        updatedAt = now;
    }

    void reduceRemainingTo(Contracts newRemaining, Instant now) {
        initial = filled.plus(newRemaining);
        remaining = newRemaining;
        if (remaining.isZero()) {
            status = Status.CANCELED;
        }
        updatedAt = now;
    }

    public boolean isResting() {
        return status == Status.RESTING;
    }

    public String orderId() { return orderId; }
    public Optional<String> clientOrderId() { return clientOrderId; }
    public String accountId() { return accountId; }
    public String ticker() { return ticker; }
    public BookSide side() { return side; }
    public Price yesPrice() { return yesPrice; }
    public Contracts initialCount() { return initial; }
    public Contracts filledCount() { return filled; }
    public Contracts remainingCount() { return remaining; }
    public Status status() { return status; }
    long priority() { return priority; }
    public Instant createdAt() { return createdAt; }
    public Instant updatedAt() { return updatedAt; }
    public Money takerFees() { return takerFees; }
    public Money makerFees() { return makerFees; }
    public Money takerFillCost() { return takerFillCost; }
    public Money makerFillCost() { return makerFillCost; }
}
