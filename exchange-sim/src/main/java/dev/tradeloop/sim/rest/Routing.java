package dev.tradeloop.sim.rest;

import dev.tradeloop.sim.exchange.SimExchange;

/**
 * Which exchange shard a request goes to, by Kalshi's rule (its sharding guide): an
 * {@code exchange_index} of 0 or more goes there; -1, or none with a market ticker, goes to that
 * market's shard; none and no ticker goes to shard 0, which does not know another shard's orders.
 */
final class Routing {

    private Routing() {
    }

    static int shard(Integer exchangeIndex, String marketTicker, SimExchange exchange) {
        if (exchangeIndex != null && exchangeIndex >= 0) {
            return exchangeIndex;
        }
        if (exchangeIndex != null && exchangeIndex != -1) {
            throw new IllegalArgumentException("exchange_index must be -1 (route by market ticker) or 0 or more, not "
                    + exchangeIndex);
        }
        if (marketTicker != null && !marketTicker.isBlank()) {
            return exchange.market(marketTicker).shard();
        }
        if (exchangeIndex != null) {
            throw new IllegalArgumentException("exchange_index -1 routes by market ticker: give market_ticker");
        }
        return 0;
    }
}
