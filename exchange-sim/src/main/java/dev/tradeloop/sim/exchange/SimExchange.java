package dev.tradeloop.sim.exchange;

import dev.tradeloop.events.money.Contracts;
import dev.tradeloop.events.money.Money;
import dev.tradeloop.events.money.Price;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The simulated exchange: markets, one order book each, accounts, and a matching engine with
 * price-time priority (a trade happens at the resting order's price). Limit orders rest until
 * cancelled; immediate-or-cancel orders cancel what does not fill at once; fill-or-kill orders
 * fill whole or not at all. Every method is atomic (one lock), as an exchange's sequencer is.
 */
public final class SimExchange {

    private static final Price MIN_PRICE = Price.ofCents(1);
    private static final Price MAX_PRICE = Price.ofCents(99);

    private final Clock clock;
    private final Map<String, SimMarket> markets = new LinkedHashMap<>();
    private final Map<String, OrderBook> books = new LinkedHashMap<>();
    private final Map<String, SimAccount> accounts = new LinkedHashMap<>();
    private final Map<String, SimOrder> orders = new LinkedHashMap<>();
    private final List<SimFill> fills = new ArrayList<>();
    private long sequence;
    private ExchangeListener listener = ExchangeListener.NONE;
    /** What the books hold: it forwards to whichever listener is set now. */
    private final ExchangeListener forwarder = new ExchangeListener() {
        @Override
        public void bookChanged(String ticker, BookSide side, Price yesPrice, long deltaHundredths) {
            listener.bookChanged(ticker, side, yesPrice, deltaHundredths);
        }

        @Override
        public void filled(SimFill fill, long postPositionHundredths) {
            listener.filled(fill, postPositionHundredths);
        }
    };

    public SimExchange(Clock clock) {
        this.clock = clock;
    }

    /** Who is told of book changes and fills (the WebSocket feed); one listener. */
    public synchronized void listen(ExchangeListener listener) {
        this.listener = listener;
    }

    /** Runs {@code action} with no exchange activity in between, e.g. a snapshot and a subscription. */
    public synchronized void atomically(Runnable action) {
        action.run();
    }

    public synchronized void addMarket(SimMarket market) {
        markets.put(market.ticker(), market);
        books.put(market.ticker(), new OrderBook(market.ticker(), forwarder));
        market.advanceTo(clock.instant());
    }

    public synchronized SimAccount openAccount(String accountId, Money balance) {
        return accounts.computeIfAbsent(accountId, id -> new SimAccount(id, balance));
    }

    /** Places an order and matches it; returns the order as it stands after matching. */
    public synchronized SimOrder place(String accountId, OrderRequest request) {
        Instant now = advanceClock();
        SimAccount account = account(accountId);
        SimMarket market = market(request.ticker());
        validate(account, market, request);
        OrderBook book = books.get(market.ticker());
        SimOrder order = new SimOrder("sim-ord-" + (++sequence), request.clientOrderId(), accountId,
                market.ticker(), request.side(), request.yesPrice(), request.count(), sequence, now);
        orders.put(order.orderId(), order);
        if (request.postOnly() && book.bestMatch(request.side(), request.yesPrice()).isPresent()) {
            order.cancelRemaining(now);
            throw ExchangeRejection.invalid("invalid_order", "post-only order would cross the book at "
                    + request.yesPrice());
        }
        if (request.timeInForce() == TimeInForce.FILL_OR_KILL
                && book.fillableAgainst(request.side(), request.yesPrice()).compareTo(request.count()) < 0) {
            order.cancelRemaining(now);
            return order;
        }
        match(order, book, market, now);
        if (order.isResting()) {
            if (request.timeInForce() == TimeInForce.GOOD_TILL_CANCELED) {
                book.add(order);
            } else {
                order.cancelRemaining(now);
            }
        }
        return order;
    }

    private void match(SimOrder taker, OrderBook book, SimMarket market, Instant now) {
        while (taker.isResting()) {
            Optional<SimOrder> best = book.bestMatch(taker.side(), taker.yesPrice());
            if (best.isEmpty()) {
                return;
            }
            SimOrder maker = best.get();
            if (maker.accountId().equals(taker.accountId())) {
                taker.cancelRemaining(now); // self-trade prevention: taker_at_cross
                return;
            }
            Contracts quantity = min(taker.remainingCount(), maker.remainingCount());
            Price price = maker.yesPrice();
            String tradeId = "sim-trade-" + (++sequence);
            SimFill takerFill = new SimFill(tradeId + "-t", tradeId, taker.orderId(), taker.accountId(),
                    market.ticker(), taker.side(), quantity, price, true, Fees.taker(price, quantity), now);
            SimFill makerFill = new SimFill(tradeId + "-m", tradeId, maker.orderId(), maker.accountId(),
                    market.ticker(), maker.side(), quantity, price, false, Fees.maker(price, quantity), now);
            taker.recordFill(takerFill, now);
            maker.recordFill(makerFill, now);
            market.recordTrade(price, quantity); // before the book moves, so its ticker shows the trade
            book.traded(maker, quantity.hundredths());
            for (SimFill fill : List.of(takerFill, makerFill)) {
                SimAccount account = account(fill.accountId());
                account.apply(fill);
                fills.add(fill);
                listener.filled(fill, account.netPosition(fill.ticker()));
            }
        }
    }

    private void validate(SimAccount account, SimMarket market, OrderRequest request) {
        if (!market.isTrading()) {
            throw ExchangeRejection.invalid("MARKET_INACTIVE", "market " + market.ticker() + " is "
                    + market.status().name().toLowerCase() + ", not open for trading");
        }
        Price price = request.yesPrice();
        if (price.compareTo(MIN_PRICE) < 0 || price.compareTo(MAX_PRICE) > 0 || price.micros() % 10_000 != 0) {
            throw ExchangeRejection.invalid("invalid_price", "price " + price + " is not a valid price of "
                    + market.ticker() + " (whole cents from 0.01 to 0.99)");
        }
        if (request.count().isZero()) {
            throw ExchangeRejection.invalid("invalid_order_size", "count must be at least 0.01");
        }
        request.clientOrderId().ifPresent(id -> {
            boolean open = orders.values().stream().anyMatch(order -> order.isResting()
                    && order.accountId().equals(account.accountId()) && order.clientOrderId().equals(Optional.of(id)));
            if (open) {
                throw new ExchangeRejection(409, "order_already_exists",
                        "an open order with client_order_id " + id + " already exists");
            }
        });
        long net = account.netPosition(market.ticker());
        long closing = request.side() == BookSide.BID ? Math.max(0, -net) : Math.max(0, net);
        if (request.reduceOnly() && request.count().hundredths() > closing) {
            throw ExchangeRejection.invalid("invalid_order", "reduce-only order of " + request.count()
                    + " would increase the position");
        }
        Contracts opening = new Contracts(Math.max(0, request.count().hundredths() - closing));
        Money needed = sidePrice(request.side(), price).times(opening);
        Money available = account.balance().minus(reserved(account.accountId()));
        if (needed.compareTo(available) > 0) {
            throw ExchangeRejection.invalid("available_balance_too_low", "the order needs " + needed
                    + " and the available balance is " + available);
        }
    }

    /** Money held for an account's resting orders (what they would cost to fill). */
    private Money reserved(String accountId) {
        return orders.values().stream()
                .filter(order -> order.isResting() && order.accountId().equals(accountId))
                .map(order -> sidePrice(order.side(), order.yesPrice()).times(order.remainingCount()))
                .reduce(Money.ZERO, Money::plus);
    }

    public synchronized Contracts cancel(String accountId, String orderId) {
        Instant now = advanceClock();
        SimOrder order = ownOrder(accountId, orderId);
        requireTrading(market(order.ticker()));
        if (!order.isResting()) {
            throw ExchangeRejection.invalid("invalid_order", "order " + orderId + " is " + order.status()
                    .name().toLowerCase() + " and cannot be cancelled");
        }
        Contracts reducedBy = order.remainingCount();
        books.get(order.ticker()).remove(order);
        order.cancelRemaining(now);
        return reducedBy;
    }

    /** Changes a resting order's price and total count (filled included); it may match at once. */
    public synchronized SimOrder amend(String accountId, String orderId, Price yesPrice, Contracts newTotal) {
        Instant now = advanceClock();
        SimOrder order = ownOrder(accountId, orderId);
        SimMarket market = market(order.ticker());
        requireTrading(market);
        if (!order.isResting()) {
            throw ExchangeRejection.invalid("invalid_order", "order " + orderId + " is not resting");
        }
        if (newTotal.compareTo(order.filledCount()) <= 0) {
            throw ExchangeRejection.invalid("invalid_order_size", "the new count " + newTotal
                    + " must be above the filled count " + order.filledCount());
        }
        OrderBook book = books.get(order.ticker());
        book.remove(order);
        order.amend(yesPrice, newTotal, ++sequence, now);
        match(order, book, market, now);
        if (order.isResting()) {
            book.add(order);
        }
        return order;
    }

    /** Lowers what remains of a resting order to {@code remaining} (zero cancels it). */
    public synchronized SimOrder decrease(String accountId, String orderId, Contracts remaining) {
        Instant now = advanceClock();
        SimOrder order = ownOrder(accountId, orderId);
        requireTrading(market(order.ticker()));
        if (!order.isResting() || remaining.compareTo(order.remainingCount()) > 0) {
            throw ExchangeRejection.invalid("invalid_order_size", "cannot decrease order " + orderId
                    + " from " + order.remainingCount() + " to " + remaining);
        }
        OrderBook book = books.get(order.ticker());
        book.remove(order);
        order.reduceRemainingTo(remaining, now);
        if (order.isResting()) {
            book.add(order);
        }
        return order;
    }

    /** Resolves a market: resting orders are cancelled and every position is paid out. */
    public synchronized void settle(String ticker, boolean yesWins) {
        Instant now = advanceClock();
        SimMarket market = market(ticker);
        cancelAllResting(ticker, now);
        market.determine(yesWins);
        accounts.values().forEach(account -> account.settle(ticker, yesWins));
    }

    private Instant advanceClock() {
        Instant now = clock.instant();
        for (SimMarket market : markets.values()) {
            boolean wasTrading = market.isTrading();
            market.advanceTo(now);
            if (wasTrading && !market.isTrading()) {
                cancelAllResting(market.ticker(), now);
            }
        }
        return now;
    }

    private void cancelAllResting(String ticker, Instant now) {
        OrderBook book = books.get(ticker);
        for (SimOrder order : book.allOrders()) {
            book.remove(order);
            order.cancelRemaining(now);
        }
    }

    private void requireTrading(SimMarket market) {
        if (!market.isTrading()) {
            throw ExchangeRejection.invalid("MARKET_INACTIVE", "market " + market.ticker() + " is "
                    + market.status().name().toLowerCase() + "; order actions are rejected");
        }
    }

    private static Price sidePrice(BookSide side, Price yesPrice) {
        return side == BookSide.BID ? yesPrice : yesPrice.complement();
    }

    private static Contracts min(Contracts a, Contracts b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    // --- Queries ---

    public synchronized SimMarket market(String ticker) {
        advanceClock();
        SimMarket market = markets.get(ticker);
        if (market == null) {
            throw ExchangeRejection.notFound("market " + ticker + " not found");
        }
        return market;
    }

    public synchronized List<SimMarket> markets() {
        advanceClock();
        return List.copyOf(markets.values());
    }

    public synchronized SimAccount account(String accountId) {
        SimAccount account = accounts.get(accountId);
        if (account == null) {
            throw new ExchangeRejection(401, "authentication_error", "unknown account " + accountId);
        }
        return account;
    }

    public synchronized SimOrder ownOrder(String accountId, String orderId) {
        SimOrder order = orders.get(orderId);
        if (order == null || !order.accountId().equals(accountId)) {
            throw ExchangeRejection.notFound("order " + orderId + " not found");
        }
        return order;
    }

    public synchronized List<SimOrder> orders(String accountId) {
        return orders.values().stream().filter(order -> order.accountId().equals(accountId)).toList();
    }

    public synchronized List<SimFill> fills(String accountId) {
        return fills.stream().filter(fill -> fill.accountId().equals(accountId)).toList();
    }

    public synchronized Optional<Price> bestBid(String ticker) {
        market(ticker);
        return books.get(ticker).bestBid();
    }

    public synchronized Optional<Price> bestAsk(String ticker) {
        market(ticker);
        return books.get(ticker).bestAsk();
    }

    /** The book's levels of one side, best first, in YES prices. */
    public synchronized List<BookLevel> levels(String ticker, BookSide side) {
        market(ticker);
        return books.get(ticker).levels(side);
    }
}
