package dev.tradeloop.sim.exchange;

import dev.tradeloop.events.money.Contracts;
import dev.tradeloop.events.money.Money;
import dev.tradeloop.events.money.Price;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * The simulated exchange: markets, one order book each, accounts, and a matching engine with
 * price-time priority (a trade happens at the resting order's price). Limit orders rest until
 * cancelled; immediate-or-cancel orders cancel what does not fill at once; fill-or-kill orders
 * fill whole or not at all. Every method is atomic (one lock), as an exchange's sequencer is.
 *
 * <p>What a call changes is kept in the {@link ExchangeStore} before the call returns (one save per
 * outermost call, so a scenario's step is one save), and the exchange starts from what was kept, so
 * accounts, positions, orders, fills and books survive a restart. A save that fails is logged and its
 * changes go with the next save.
 */
public final class SimExchange {

    private static final Logger LOG = Logger.getLogger(SimExchange.class);


    private final Clock clock;
    private final Map<String, SimMarket> markets = new LinkedHashMap<>();
    private final Map<String, OrderBook> books = new LinkedHashMap<>();
    private final Map<String, SimAccount> accounts = new LinkedHashMap<>();
    private final Map<String, SimOrder> orders = new LinkedHashMap<>();
    private final List<SimFill> fills = new ArrayList<>();
    private final Map<String, String> settings = new HashMap<>();
    private long sequence;
    private final ExchangeStore store;
    private final Map<String, SimMarket> changedMarkets = new LinkedHashMap<>();
    private final Map<String, SimAccount> changedAccounts = new LinkedHashMap<>();
    private final Map<String, SimOrder> changedOrders = new LinkedHashMap<>();
    /** The orders the current call changed, told to the listener when it ends. */
    private final Map<String, SimOrder> ordersToTell = new LinkedHashMap<>();
    private final List<SimFill> newFills = new ArrayList<>();
    private final Map<String, String> changedSettings = new LinkedHashMap<>();
    private int callDepth;
    private boolean saveFailing;
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

        @Override
        public void orderChanged(SimOrder order) {
            listener.orderChanged(order);
        }
    };

    /** An exchange in memory only. */
    public SimExchange(Clock clock) {
        this(clock, ExchangeStore.IN_MEMORY);
    }

    /** An exchange that starts from what {@code store} kept and keeps every change there. */
    public SimExchange(Clock clock, ExchangeStore store) {
        this.clock = clock;
        this.store = store;
        restore(store.load());
    }

    private void restore(ExchangeSnapshot kept) {
        sequence = kept.sequence();
        for (SimMarket.State state : kept.markets()) {
            SimMarket market = SimMarket.restore(state);
            markets.put(market.ticker(), market);
            books.put(market.ticker(), new OrderBook(market.ticker(), forwarder));
        }
        kept.accounts().forEach(state -> accounts.put(state.accountId(), SimAccount.restore(state)));
        kept.orders().forEach(state -> orders.put(state.orderId(), SimOrder.restore(state)));
        orders.values().stream().filter(SimOrder::isResting).sorted(Comparator.comparingLong(SimOrder::priority))
                .forEach(order -> books.get(order.ticker()).add(order));
        fills.addAll(kept.fills());
        settings.putAll(kept.settings());
        if (!kept.isEmpty()) {
            LOG.infof("exchange restored: %d markets, %d accounts, %d orders (%d resting), %d fills", markets.size(),
                    accounts.size(), orders.size(), orders.values().stream().filter(SimOrder::isResting).count(),
                    fills.size());
        }
    }

    /** Runs a call that may change the exchange; what it changed is kept when the outermost call ends. */
    private <T> T change(Supplier<T> call) {
        callDepth++;
        try {
            return call.get();
        } finally {
            if (--callDepth == 0) {
                save();
                ordersToTell.values().forEach(listener::orderChanged);
                ordersToTell.clear();
            }
        }
    }

    private void change(Runnable call) {
        change(() -> {
            call.run();
            return null;
        });
    }

    private void save() {
        if (changedMarkets.isEmpty() && changedAccounts.isEmpty() && changedOrders.isEmpty() && newFills.isEmpty()
                && changedSettings.isEmpty()) {
            return;
        }
        ExchangeSnapshot changes = new ExchangeSnapshot(sequence,
                changedMarkets.values().stream().map(SimMarket::state).toList(),
                changedAccounts.values().stream().map(SimAccount::state).toList(),
                changedOrders.values().stream().map(SimOrder::state).toList(), newFills, changedSettings);
        try {
            store.save(changes);
        } catch (RuntimeException e) {
            if (!saveFailing) {
                LOG.errorf(e, "the exchange's changes could not be kept; they are kept with the next save");
            }
            saveFailing = true;
            return;
        }
        if (saveFailing) {
            LOG.info("the exchange's changes are kept again");
            saveFailing = false;
        }
        changedMarkets.clear();
        changedAccounts.clear();
        changedOrders.clear();
        newFills.clear();
        changedSettings.clear();
    }

    private void changed(SimOrder order) {
        changedOrders.put(order.orderId(), order);
        ordersToTell.put(order.orderId(), order);
    }

    private void changed(SimAccount account) {
        changedAccounts.put(account.accountId(), account);
    }

    private void changed(SimMarket market) {
        changedMarkets.put(market.ticker(), market);
    }

    /** Who is told of book changes and fills (the WebSocket feed); one listener. */
    public synchronized void listen(ExchangeListener listener) {
        this.listener = listener;
    }

    /** Runs {@code action} with no exchange activity in between, e.g. a snapshot and a subscription. */
    public synchronized void atomically(Runnable action) {
        change(action);
    }

    /** The fees of series {@code seriesTicker}, as its markets charge them; empty when none is listed. */
    public synchronized Optional<Fees> seriesFees(String seriesTicker) {
        return markets.values().stream().filter(market -> market.seriesTicker().equals(seriesTicker))
                .map(SimMarket::fees).findFirst();
    }

    /** Lists a market; a ticker listed already is refused, and so is one whose series charges other fees. */
    public synchronized void addMarket(SimMarket market) {
        if (markets.containsKey(market.ticker())) {
            throw new ExchangeRejection(409, "market_exists", "market " + market.ticker() + " is listed already");
        }
        Optional<SimMarket> sameSeries = markets.values().stream()
                .filter(other -> other.seriesTicker().equals(market.seriesTicker())).findFirst();
        if (sameSeries.isPresent() && !sameSeries.get().fees().equals(market.fees())) {
            throw new ExchangeRejection(409, "series_fees_differ", "series " + market.seriesTicker() + " charges "
                    + sameSeries.get().fees() + " already; a market of it cannot charge " + market.fees());
        }
        change(() -> {
            markets.put(market.ticker(), market);
            books.put(market.ticker(), new OrderBook(market.ticker(), forwarder));
            market.advanceTo(clock.instant());
            changed(market);
        });
    }

    public synchronized boolean hasMarket(String ticker) {
        return markets.containsKey(ticker);
    }

    /** Opens an account with {@code balance} on shard 0; an account that exists already is left as it is. */
    public synchronized SimAccount openAccount(String accountId, Money balance) {
        return openAccount(accountId, Map.of(0, balance));
    }

    /** Opens an account with cash on each shard given; an account that exists already is left as it is. */
    public synchronized SimAccount openAccount(String accountId, Map<Integer, Money> balances) {
        return change(() -> accounts.computeIfAbsent(accountId, id -> {
            SimAccount account = new SimAccount(id, balances);
            changed(account);
            return account;
        }));
    }

    /** Moves an account's cash from one shard to another. */
    public synchronized void transfer(String accountId, int fromShard, int toShard, Money amount) {
        change((Runnable) () -> {
            SimAccount account = account(accountId);
            account.transfer(fromShard, toShard, amount);
            changed(account);
        });
    }

    /** Moves the open and close times of {@code tickers} later by {@code pause}: a scenario that was paused. */
    public synchronized void postpone(Collection<String> tickers, Duration pause) {
        change(() -> tickers.stream().map(markets::get).filter(java.util.Objects::nonNull).forEach(market -> {
            market.postpone(pause);
            changed(market);
        }));
    }

    /** A setting kept with the exchange (a JSON text), e.g. where a scenario has got to. */
    public synchronized Optional<String> setting(String name) {
        return Optional.ofNullable(settings.get(name));
    }

    /** The settings whose names start with {@code prefix}, by name. */
    public synchronized Map<String, String> settings(String prefix) {
        Map<String, String> found = new java.util.TreeMap<>();
        settings.forEach((name, value) -> {
            if (name.startsWith(prefix)) {
                found.put(name, value);
            }
        });
        return found;
    }

    public synchronized void putSetting(String name, String json) {
        change(() -> {
            settings.put(name, json);
            changedSettings.put(name, json);
        });
    }

    /** Places an order and matches it; returns the order as it stands after matching. */
    public synchronized SimOrder place(String accountId, OrderRequest request) {
        return change(() -> placeNow(accountId, request));
    }

    private SimOrder placeNow(String accountId, OrderRequest request) {
        Instant now = advanceClock();
        SimAccount account = account(accountId);
        SimMarket market = market(request.ticker());
        validate(account, market, request);
        OrderBook book = books.get(market.ticker());
        SimOrder order = new SimOrder(uuid("order", ++sequence), request.clientOrderId(), accountId,
                market.ticker(), request.side(), request.yesPrice(), request.count(), sequence, now);
        orders.put(order.orderId(), order);
        changed(order);
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
            String takerFillId = uuid("fill", ++sequence);
            String makerFillId = uuid("fill", ++sequence);
            Money takerFee = taker.charge(quantity, price, market.fees().taker(price, quantity)).netFee();
            Money makerFee = maker.charge(quantity, price, market.fees().maker(price, quantity)).netFee();
            // Kalshi's trade_id is the fill's own id (its legacy name): one per side of the match
            SimFill takerFill = new SimFill(takerFillId, takerFillId, taker.orderId(), taker.accountId(),
                    market.ticker(), taker.side(), quantity, price, true, takerFee, now);
            SimFill makerFill = new SimFill(makerFillId, makerFillId, maker.orderId(), maker.accountId(),
                    market.ticker(), maker.side(), quantity, price, false, makerFee, now);
            taker.recordFill(takerFill, now);
            maker.recordFill(makerFill, now);
            changed(maker);
            market.recordTrade(price, quantity); // before the book moves, so its ticker shows the trade
            changed(market);
            book.traded(maker, quantity.hundredths());
            for (SimFill fill : List.of(takerFill, makerFill)) {
                SimAccount account = account(fill.accountId());
                account.apply(fill, market.shard());
                changed(account);
                fills.add(fill);
                newFills.add(fill);
                listener.filled(fill, account.netPosition(fill.ticker()));
            }
        }
    }

    /** An id as Kalshi gives them, a UUID; derived from the exchange's sequence, so a replay gives the same. */
    private static String uuid(String kind, long sequence) {
        return java.util.UUID.nameUUIDFromBytes((kind + "-" + sequence).getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .toString();
    }

    /** Kalshi refuses any price off the market's grid ({@code price_ranges}), and 0 and 1. */
    private static void requireOnGrid(SimMarket market, Price yesPrice) {
        if (!market.grid().isValid(yesPrice)) {
            throw ExchangeRejection.invalid("invalid_price", "price " + yesPrice + " is off the price grid of "
                    + market.ticker() + " (" + market.priceLevelStructure() + ")");
        }
    }

    private void validate(SimAccount account, SimMarket market, OrderRequest request) {
        if (!market.isTrading()) {
            throw ExchangeRejection.invalid("MARKET_INACTIVE", "market " + market.ticker() + " is "
                    + market.status().name().toLowerCase() + ", not open for trading");
        }
        Price price = request.yesPrice();
        requireOnGrid(market, price);
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
        Money available = account.balance(market.shard()).minus(reserved(account.accountId(), market.shard()));
        if (needed.compareTo(available) > 0) {
            throw ExchangeRejection.invalid("available_balance_too_low", "the order needs " + needed
                    + " and the available balance on exchange shard " + market.shard() + " is " + available);
        }
    }

    /** Money held for an account's resting orders on one shard (what they would cost to fill). */
    private Money reserved(String accountId, int shard) {
        return orders.values().stream()
                .filter(order -> order.isResting() && order.accountId().equals(accountId))
                .filter(order -> markets.get(order.ticker()).shard() == shard)
                .map(order -> sidePrice(order.side(), order.yesPrice()).times(order.remainingCount()))
                .reduce(Money.ZERO, Money::plus);
    }

    public synchronized Contracts cancel(String accountId, String orderId) {
        return change(() -> cancelNow(accountId, orderId));
    }

    private Contracts cancelNow(String accountId, String orderId) {
        Instant now = advanceClock();
        SimOrder order = ownOrder(accountId, orderId);
        SimMarket market = market(order.ticker());
        if (!market.takesCancels()) {
            throw ExchangeRejection.invalid("MARKET_INACTIVE", "market " + market.ticker() + " is "
                    + market.status().name().toLowerCase() + "; order actions, cancels included, are rejected");
        }
        if (!order.isResting()) {
            throw ExchangeRejection.invalid("invalid_order", "order " + orderId + " is " + order.status()
                    .name().toLowerCase() + " and cannot be cancelled");
        }
        Contracts reducedBy = order.remainingCount();
        books.get(order.ticker()).remove(order);
        order.cancelRemaining(now);
        changed(order);
        return reducedBy;
    }

    /** Changes a resting order's price and total count (filled included); it may match at once. */
    public synchronized SimOrder amend(String accountId, String orderId, Price yesPrice, Contracts newTotal) {
        return change(() -> amendNow(accountId, orderId, yesPrice, newTotal));
    }

    private SimOrder amendNow(String accountId, String orderId, Price yesPrice, Contracts newTotal) {
        Instant now = advanceClock();
        SimOrder order = ownOrder(accountId, orderId);
        SimMarket market = market(order.ticker());
        requireTrading(market);
        requireOnGrid(market, yesPrice);
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
        changed(order);
        match(order, book, market, now);
        if (order.isResting()) {
            book.add(order);
        }
        return order;
    }

    /** Lowers what remains of a resting order to {@code remaining} (zero cancels it). */
    public synchronized SimOrder decrease(String accountId, String orderId, Contracts remaining) {
        return change(() -> decreaseNow(accountId, orderId, remaining));
    }

    private SimOrder decreaseNow(String accountId, String orderId, Contracts remaining) {
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
        changed(order);
        if (order.isResting()) {
            book.add(order);
        }
        return order;
    }

    /** Resolves a market at once: determined, and finalized (every position paid) with no settlement timer. */
    public synchronized void settle(String ticker, boolean yesWins) {
        determine(ticker, yesWins, Duration.ZERO);
    }

    /**
     * Determines a market's result: resting orders are cancelled; positions are paid when the
     * market is finalized, {@code timer} later (unless the result is disputed meanwhile).
     */
    public synchronized void determine(String ticker, boolean yesWins, Duration timer) {
        change(() -> {
            Instant now = advanceClock();
            SimMarket market = market(ticker);
            cancelAllResting(ticker, now);
            market.determine(yesWins, now, timer);
            changed(market);
            finalizeIfDue(market, now);
        });
    }

    /** Disputes a determined result: the settlement timer stops. */
    public synchronized void dispute(String ticker) {
        change(() -> {
            advanceClock();
            SimMarket market = market(ticker);
            market.dispute();
            changed(market);
        });
    }

    /** Re-determines a disputed result; the settlement timer restarts. */
    public synchronized void amend(String ticker, boolean yesWins) {
        change(() -> {
            Instant now = advanceClock();
            SimMarket market = market(ticker);
            market.amend(yesWins, now);
            changed(market);
            finalizeIfDue(market, now);
        });
    }

    /** Pauses a market (Kalshi deactivates it): no order placed or amended; cancels go through. */
    public synchronized void pause(String ticker) {
        change(() -> {
            advanceClock();
            SimMarket market = market(ticker);
            market.pause();
            changed(market);
        });
    }

    /** Reactivates a paused market; its resting orders are cancelled, as Kalshi does on reactivation. */
    public synchronized void resume(String ticker) {
        change(() -> {
            Instant now = advanceClock();
            SimMarket market = market(ticker);
            market.resume();
            cancelAllResting(ticker, now);
            changed(market);
        });
    }

    /** Pays every position of a market whose settlement timer has run, with its final result. */
    private void finalizeIfDue(SimMarket market, Instant now) {
        if (!market.finalizeIfDue(now)) {
            return;
        }
        boolean yesWins = market.result().orElseThrow().equals("yes");
        accounts.values().stream().filter(account -> account.netPosition(market.ticker()) != 0).forEach(account -> {
            account.settle(market, yesWins, now);
            changed(account);
        });
    }

    private Instant advanceClock() {
        Instant now = clock.instant();
        for (SimMarket market : markets.values()) {
            if (market.advanceTo(now)) {
                changed(market);
                if (market.status() == SimMarket.Status.CLOSED) {
                    cancelAllResting(market.ticker(), now); // at close, paused or not
                }
            }
            finalizeIfDue(market, now);
        }
        return now;
    }

    private void cancelAllResting(String ticker, Instant now) {
        OrderBook book = books.get(ticker);
        for (SimOrder order : book.allOrders()) {
            book.remove(order);
            order.cancelRemaining(now);
            changed(order);
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
        return change(() -> {
            advanceClock();
            SimMarket market = markets.get(ticker);
            if (market == null) {
                throw ExchangeRejection.notFound("market " + ticker + " not found");
            }
            return market;
        });
    }

    public synchronized List<SimMarket> markets() {
        return change(() -> {
            advanceClock();
            return List.copyOf(markets.values());
        });
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

    /**
     * One of the account's orders as the shard a request was routed to sees it: an order of a market
     * on another shard is not found there.
     */
    public synchronized SimOrder routedOrder(String accountId, String orderId, int shard) {
        SimOrder order = ownOrder(accountId, orderId);
        if (markets.get(order.ticker()).shard() != shard) {
            throw ExchangeRejection.notFound("order " + orderId + " not found on exchange shard " + shard);
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
