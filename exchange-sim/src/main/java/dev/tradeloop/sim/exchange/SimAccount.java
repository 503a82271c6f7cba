package dev.tradeloop.sim.exchange;

import dev.tradeloop.events.money.Contracts;
import dev.tradeloop.events.money.Money;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A simulated account: its cash on each exchange shard (collateral is per shard, as on Kalshi: an
 * order is paid from its market's shard) and, per market, one net position (positive YES, negative
 * NO, in hundredths of a contract) with the fees paid and the money traded in it.
 */
public final class SimAccount {

    private final String accountId;
    private final Map<Integer, Money> balances = new TreeMap<>();
    private final Map<String, MarketPosition> positions = new LinkedHashMap<>();
    private final List<Settlement> settlements = new ArrayList<>();

    SimAccount(String accountId, Map<Integer, Money> balances) {
        this.accountId = accountId;
        this.balances.putAll(balances);
    }

    /**
     * All an account is, to be kept and restored after a restart: {@code balance} is the total,
     * {@code shardBalances} the cash per shard (absent in what was kept before shards: all on 0).
     */
    public record State(String accountId, Money balance, Map<String, MarketPosition> positions,
            Map<Integer, Money> shardBalances, List<Settlement> settlements) {
    }

    State state() {
        return new State(accountId, balance(), Map.copyOf(positions), Map.copyOf(balances), List.copyOf(settlements));
    }

    static SimAccount restore(State state) {
        SimAccount account = new SimAccount(state.accountId(),
                state.shardBalances() == null ? Map.of(0, state.balance()) : state.shardBalances());
        account.positions.putAll(state.positions());
        if (state.settlements() != null) {
            account.settlements.addAll(state.settlements());
        }
        return account;
    }

    public String accountId() {
        return accountId;
    }

    /** The cash over every shard. */
    public Money balance() {
        return balances.values().stream().reduce(Money.ZERO, Money::plus);
    }

    /** The cash on one shard. */
    public Money balance(int shard) {
        return balances.getOrDefault(shard, Money.ZERO);
    }

    /** The cash of each shard that has any, by shard. */
    public Map<Integer, Money> shardBalances() {
        return Map.copyOf(balances);
    }

    /** Moves cash between shards (Kalshi's intra-account transfer). */
    void transfer(int fromShard, int toShard, Money amount) {
        if (amount.compareTo(Money.ZERO) <= 0 || amount.compareTo(balance(fromShard)) > 0) {
            throw ExchangeRejection.invalid("invalid_parameters", "cannot move " + amount + " from shard " + fromShard
                    + ", which holds " + balance(fromShard));
        }
        add(fromShard, Money.ZERO.minus(amount));
        add(toShard, amount);
    }

    private void add(int shard, Money amount) {
        balances.merge(shard, amount, Money::plus);
    }

    public Map<String, MarketPosition> positions() {
        return Map.copyOf(positions);
    }

    public long netPosition(String ticker) {
        MarketPosition position = positions.get(ticker);
        return position == null ? 0 : position.netHundredths();
    }

    /**
     * Applies a fill: pays the contracts and the fee, then nets the position. Contracts bought
     * against an opposite position form YES+NO pairs, each worth exactly $1.00, which are
     * redeemed at once (Kalshi keeps one net position per market).
     */
    void apply(SimFill fill, int shard) {
        add(shard, Money.ZERO.minus(fill.cost()).minus(fill.fee()));
        long delta = fill.side() == BookSide.BID ? fill.count().hundredths() : -fill.count().hundredths();
        MarketPosition before = positions.getOrDefault(fill.ticker(), MarketPosition.FLAT);
        long net = before.netHundredths();
        long paired = Long.signum(net) == -Long.signum(delta) ? Math.min(Math.abs(net), Math.abs(delta)) : 0;
        add(shard, new Money(paired * 10_000));
        // the held contracts' cost: the paired ones leave at their share of it, the opening ones come in at
        // theirs of the fill; each pair redeemed for $1.00 realizes $1.00 − its two costs
        Money pairedCost = share(fill.cost(), paired, Math.abs(delta));
        Money closedCost = share(before.cost(), paired, Math.abs(net));
        Money realized = new Money(paired * 10_000).minus(pairedCost).minus(closedCost);
        positions.put(fill.ticker(), new MarketPosition(net + delta, before.feesPaid().plus(fill.fee()),
                before.totalTraded().plus(fill.cost()), before.cost().minus(closedCost).plus(fill.cost().minus(pairedCost)),
                before.realizedPnl().plus(realized), fill.createdAt()));
    }

    /** {@code part} of {@code whole} hundredths' worth of {@code amount}, all of it when the part is the whole. */
    private static Money share(Money amount, long part, long whole) {
        if (part == 0 || whole == 0) {
            return Money.ZERO;
        }
        return part == whole ? amount : new Money(Math.floorDiv(Math.multiplyExact(amount.micros(), part), whole));
    }

    /** Pays out a finalized market: each winning contract $1.00, each losing one nothing; and records it. */
    void settle(SimMarket market, boolean yesWins, Instant now) {
        String ticker = market.ticker();
        MarketPosition position = positions.get(ticker);
        if (position == null || position.netHundredths() == 0) {
            return;
        }
        long net = position.netHundredths();
        boolean holdsWinner = (net > 0) == yesWins;
        if (holdsWinner) {
            add(market.shard(), new Money(Math.abs(net) * 10_000));
        }
        Money payout = holdsWinner ? new Money(Math.abs(net) * 10_000) : Money.ZERO;
        Contracts held = position.size();
        settlements.add(new Settlement(ticker, market.eventTicker(), market.shard(), yesWins ? "yes" : "no",
                net > 0 ? held : Contracts.ZERO, net > 0 ? position.cost() : Money.ZERO,
                net < 0 ? held : Contracts.ZERO, net < 0 ? position.cost() : Money.ZERO, payout, position.feesPaid(), now));
        positions.put(ticker, new MarketPosition(0, position.feesPaid(), position.totalTraded(), Money.ZERO,
                position.realizedPnl().plus(payout.minus(position.cost())), position.lastUpdated()));
    }

    /** What a market's settlement paid the account: {@code GET /portfolio/settlements}. */
    public record Settlement(String ticker, String eventTicker, int shard, String result, Contracts yesCount,
            Money yesCost, Contracts noCount, Money noCost, Money revenue, Money fees, Instant settledAt) {
    }

    /** Every settlement paid to the account, oldest first. */
    public List<Settlement> settlements() {
        return List.copyOf(settlements);
    }

    /**
     * One market's net position, what it cost in fees and traded money, what the contracts held cost
     * ({@code market_exposure}), what closing and settling realized (fees apart), and when it last moved.
     */
    public record MarketPosition(long netHundredths, Money feesPaid, Money totalTraded, Money cost, Money realizedPnl,
            Instant lastUpdated) {
        static final MarketPosition FLAT = new MarketPosition(0, Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO,
                Instant.EPOCH);

        public MarketPosition {
            cost = cost == null ? Money.ZERO : cost; // kept before cost and P&L were followed
            realizedPnl = realizedPnl == null ? Money.ZERO : realizedPnl;
            lastUpdated = lastUpdated == null ? Instant.EPOCH : lastUpdated;
        }

        public Contracts size() {
            return new Contracts(Math.abs(netHundredths));
        }
    }
}
