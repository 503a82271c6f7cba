package dev.tradeloop.sim.exchange;

import java.util.List;
import java.util.Map;

/**
 * The exchange's state, or what changed in it since it was last kept: markets, accounts, orders and
 * fills, the sequence its ids come from, and named settings of the parts that play on it (where a
 * scenario has got to). Restored whole at start; saved as changes after every change.
 */
public record ExchangeSnapshot(long sequence, List<SimMarket.State> markets, List<SimAccount.State> accounts,
        List<SimOrder.State> orders, List<SimFill> fills, Map<String, String> settings) {

    public static final ExchangeSnapshot EMPTY = new ExchangeSnapshot(0, List.of(), List.of(), List.of(), List.of(),
            Map.of());

    public ExchangeSnapshot {
        markets = List.copyOf(markets);
        accounts = List.copyOf(accounts);
        orders = List.copyOf(orders);
        fills = List.copyOf(fills);
        settings = Map.copyOf(settings);
    }

    public boolean isEmpty() {
        return markets.isEmpty() && accounts.isEmpty() && orders.isEmpty() && fills.isEmpty() && settings.isEmpty();
    }
}
