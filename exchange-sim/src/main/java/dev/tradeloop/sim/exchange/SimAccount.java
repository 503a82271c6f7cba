package dev.tradeloop.sim.exchange;

import dev.tradeloop.events.money.Contracts;
import dev.tradeloop.events.money.Money;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A simulated account: its cash and, per market, one net position (positive YES, negative NO, in
 * hundredths of a contract) with the fees paid and the money traded in it.
 */
public final class SimAccount {

    private final String accountId;
    private Money balance;
    private final Map<String, MarketPosition> positions = new LinkedHashMap<>();

    SimAccount(String accountId, Money balance) {
        this.accountId = accountId;
        this.balance = balance;
    }

    /** All an account is, to be kept and restored after a restart. */
    public record State(String accountId, Money balance, Map<String, MarketPosition> positions) {
    }

    State state() {
        return new State(accountId, balance, Map.copyOf(positions));
    }

    static SimAccount restore(State state) {
        SimAccount account = new SimAccount(state.accountId(), state.balance());
        account.positions.putAll(state.positions());
        return account;
    }

    public String accountId() {
        return accountId;
    }

    public Money balance() {
        return balance;
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
    void apply(SimFill fill) {
        balance = balance.minus(fill.cost()).minus(fill.fee());
        long delta = fill.side() == BookSide.BID ? fill.count().hundredths() : -fill.count().hundredths();
        MarketPosition before = positions.getOrDefault(fill.ticker(), MarketPosition.FLAT);
        long net = before.netHundredths();
        long paired = Long.signum(net) == -Long.signum(delta) ? Math.min(Math.abs(net), Math.abs(delta)) : 0;
        balance = balance.plus(new Money(paired * 10_000));
        positions.put(fill.ticker(), new MarketPosition(net + delta, before.feesPaid().plus(fill.fee()),
                before.totalTraded().plus(fill.cost())));
    }

    /** Pays out a settled market: each winning contract $1.00, each losing one nothing. */
    void settle(String ticker, boolean yesWins) {
        MarketPosition position = positions.get(ticker);
        if (position == null || position.netHundredths() == 0) {
            return;
        }
        long net = position.netHundredths();
        boolean holdsWinner = (net > 0) == yesWins;
        if (holdsWinner) {
            balance = balance.plus(new Money(Math.abs(net) * 10_000));
        }
        positions.put(ticker, new MarketPosition(0, position.feesPaid(), position.totalTraded()));
    }

    /** One market's net position and what it cost in fees and traded money. */
    public record MarketPosition(long netHundredths, Money feesPaid, Money totalTraded) {
        static final MarketPosition FLAT = new MarketPosition(0, Money.ZERO, Money.ZERO);

        public Contracts size() {
            return new Contracts(Math.abs(netHundredths));
        }
    }
}
