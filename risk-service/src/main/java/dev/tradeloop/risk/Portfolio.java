package dev.tradeloop.risk;

import dev.tradeloop.events.Action;
import dev.tradeloop.events.ApprovedTrade;
import dev.tradeloop.events.BalanceReported;
import dev.tradeloop.events.Fill;
import dev.tradeloop.events.OrderEvent;
import dev.tradeloop.events.OrderPurpose;
import dev.tradeloop.events.OrderStatus;
import dev.tradeloop.events.PositionClosed;
import dev.tradeloop.events.PositionEvent;
import dev.tradeloop.events.PositionMarked;
import dev.tradeloop.events.PositionPartiallyClosed;
import dev.tradeloop.events.PositionSettled;
import dev.tradeloop.events.Side;
import dev.tradeloop.events.money.Contracts;
import dev.tradeloop.events.money.Money;
import dev.tradeloop.rules.PortfolioView;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * risk-service's view of the account, rebuilt from the event log and never a second source of
 * truth: entries approved and still in flight (from {@code approved-trades} until their entry order
 * ends on {@code order-events}), contracts held and their cost (from {@code fills}), the day's
 * realized and unrealized P&amp;L (from {@code position-events}), and the cash balance the exchange
 * last reported. An entry in flight counts at its worst possible cost until its fills say more.
 */
public final class Portfolio {

    private static final Set<OrderStatus> ENTRY_ENDED = Set.of(OrderStatus.FILLED, OrderStatus.CANCELLED,
            OrderStatus.REJECTED, OrderStatus.ABANDONED, OrderStatus.GIVEN_UP);

    private static final class Position {
        final String market;
        String event;
        boolean approved;
        boolean entryEnded;
        Money reserved = Money.ZERO;
        Contracts held = Contracts.ZERO;
        Side side = Side.YES;
        Money heldCost = Money.ZERO;
        Money unrealized = Money.ZERO;
        Money realizedByPartials = Money.ZERO;
        boolean ended;

        Position(String market, String event) {
            this.market = market;
            this.event = event;
        }

        boolean inFlight() {
            return approved && !entryEnded;
        }

        boolean open() {
            return inFlight() || !held.isZero();
        }

        Money exposure() {
            return inFlight() ? max(reserved, heldCost) : heldCost;
        }
    }

    private final Map<String, Position> positions = new LinkedHashMap<>();
    private final Map<LocalDate, Money> realizedByDay = new HashMap<>();
    private final Set<String> appliedFills = new HashSet<>();
    private Optional<BalanceReported> balance = Optional.empty();

    /*
     * The topics are read together but not in one order: a position's fill or its end may be read
     * before its approval. So each event finds or makes the position, and none assumes another came first.
     */

    /** An approved entry: in flight, reserving its worst cost, until its order ends. */
    public synchronized void apply(ApprovedTrade trade) {
        Position position = position(trade.positionId(), trade.marketTicker(), trade.eventTicker());
        position.approved = true;
        position.reserved = trade.plan().worstPrice().times(trade.contracts());
    }

    public synchronized void apply(OrderEvent order) {
        if (order.purpose() == OrderPurpose.ENTRY && ENTRY_ENDED.contains(order.status())) {
            position(order.positionId(), order.marketTicker(), null).entryEnded = true;
        }
    }

    /** A fill changes what is held; a fill seen twice (same trade id) counts once. */
    public synchronized void apply(Fill fill) {
        if (!appliedFills.add(fill.tradeId())) {
            return;
        }
        Position position = position(fill.positionId(), fill.marketTicker(), fill.eventTicker());
        position.side = fill.side();
        if (fill.action() == Action.BUY) {
            position.held = position.held.plus(fill.count());
            position.heldCost = position.heldCost.plus(fill.price().times(fill.count()));
        } else if (!position.held.isZero()) {
            Contracts remaining = position.held.minus(fill.count());
            position.heldCost = remaining.isZero() ? Money.ZERO
                    : position.heldCost.proRata(remaining, position.held);
            position.held = remaining;
        }
    }

    public synchronized void apply(PositionEvent event) {
        Position position = position(event.positionId(), event.marketTicker(), null);
        LocalDate day = LocalDate.ofInstant(event.occurredAt(), ZoneOffset.UTC);
        if (event instanceof PositionPartiallyClosed partial) {
            position.realizedByPartials = position.realizedByPartials.plus(partial.realizedPnl());
            addRealized(day, partial.realizedPnl());
        } else if (event instanceof PositionClosed closed) {
            addRealized(day, closed.realizedPnl().minus(position.realizedByPartials));
            position.ended = true;
            position.unrealized = Money.ZERO;
            position.held = Contracts.ZERO; // its exit fills say so too; a closed position holds nothing
            position.heldCost = Money.ZERO;
        } else if (event instanceof PositionSettled settled) {
            // the settled position's realized P&L includes its partial exits, counted when they came
            addRealized(day, settled.realizedPnl().minus(position.realizedByPartials));
            position.ended = true;
            position.unrealized = Money.ZERO;
            position.held = Contracts.ZERO; // the exchange paid it out: nothing is held any more
            position.heldCost = Money.ZERO;
        }
    }

    /**
     * What the position is worth now ({@code position-marks}). Marks and the position's history are
     * read from two topics, so a mark may be read after the close: a closed position stays at zero.
     */
    public synchronized void apply(PositionMarked marked) {
        Position position = position(marked.positionId(), marked.marketTicker(), null);
        if (!position.ended) {
            position.unrealized = marked.unrealizedPnl();
        }
    }

    public synchronized void balance(BalanceReported reported) {
        balance = Optional.of(reported);
    }

    /** The balance the exchange last reported, with what it said the account holds; empty before any. */
    public synchronized Optional<BalanceReported> lastReport() {
        return balance;
    }

    /** What the positions hold, net per market (YES positive, NO negative), markets held only. */
    public synchronized Map<String, BigDecimal> heldByMarket() {
        Map<String, BigDecimal> held = new TreeMap<>();
        for (Position position : positions.values()) {
            if (!position.held.isZero()) {
                BigDecimal count = BigDecimal.valueOf(position.held.hundredths(), Contracts.SCALE);
                held.merge(position.market, position.side == Side.YES ? count : count.negate(), BigDecimal::add);
            }
        }
        held.values().removeIf(net -> net.signum() == 0);
        return held;
    }

    /** The cash over every shard, as last reported. */
    public synchronized Optional<Money> balance() {
        return balance.map(BalanceReported::balance);
    }

    /** The day's realized P&amp;L plus the unrealized P&amp;L of what is open. */
    public synchronized Money dayPnl(LocalDate day) {
        Money unrealized = positions.values().stream().filter(p -> !p.held.isZero())
                .map(p -> p.unrealized).reduce(Money.ZERO, Money::plus);
        return realizedByDay.getOrDefault(day, Money.ZERO).plus(unrealized);
    }

    /**
     * What the risk gate sees for an entry on exchange shard {@code shard} (its balance is that
     * shard's cash: collateral is per shard); empty while the balance is not known.
     */
    public synchronized Optional<PortfolioView> view(LocalDate day, int shard) {
        if (balance.isEmpty()) {
            return Optional.empty();
        }
        int open = (int) positions.values().stream().filter(p -> !p.inFlight() && !p.held.isZero()).count();
        Set<String> inFlight = new HashSet<>();
        Set<String> held = new HashSet<>();
        Map<String, Money> byEvent = new HashMap<>();
        Money total = Money.ZERO;
        for (Position position : positions.values()) {
            if (position.inFlight()) {
                inFlight.add(position.market);
            } else if (!position.held.isZero()) {
                held.add(position.market);
            }
            if (position.open()) {
                total = total.plus(position.exposure());
                byEvent.merge(position.event == null ? position.market : position.event, position.exposure(), Money::plus);
            }
        }
        return Optional.of(new PortfolioView(open, inFlight, held, total, byEvent, dayPnl(day),
                balance.get().onShard(shard)));
    }

    /** The position, made on first sight; its event ticker is filled in by whichever event carries it. */
    private Position position(String positionId, String market, String event) {
        Position position = positions.computeIfAbsent(positionId, id -> new Position(market, event));
        if (position.event == null && event != null) {
            position.event = event;
        }
        return position;
    }

    private void addRealized(LocalDate day, Money amount) {
        realizedByDay.merge(day, amount, Money::plus);
    }

    private static Money max(Money a, Money b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
