package dev.tradeloop.events;

import dev.tradeloop.events.money.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The account's cash balance as the exchange last reported it, published by order-service (the
 * service that talks to the exchange for entries) under the key {@code account}: {@code balance} over
 * every exchange shard, and {@code shardBalances}, the cash of each shard. Collateral is per shard,
 * so risk-service sizes every entry against the cash of its market's shard: the Kelly bankroll.
 * {@code holdings}, read with it, is what the exchange says the account holds in each market, net
 * (contracts of YES positive, of NO negative, as Kalshi keeps a position), markets held only: what
 * risk-service reconciles the positions with.
 */
public record BalanceReported(
        UUID eventId,
        Instant occurredAt,
        String correlationId,
        Money balance,
        String source,
        Optional<Map<Integer, Money>> shardBalances,
        Optional<Map<String, BigDecimal>> holdings) implements AccountEvent {

    public BalanceReported {
        Event.requireEnvelope(eventId, occurredAt, correlationId);
        Require.present(balance, "balance");
        Require.text(source, "source");
        shardBalances = Require.optional(shardBalances).map(Map::copyOf);
        shardBalances.ifPresent(shards -> shards.keySet().forEach(shard -> Require.nonNegative(shard, "shardBalances")));
        holdings = Require.optional(holdings).map(Map::copyOf);
    }

    /** A balance by shard, without the holdings. */
    public BalanceReported(UUID eventId, Instant occurredAt, String correlationId, Money balance, String source,
            Optional<Map<Integer, Money>> shardBalances) {
        this(eventId, occurredAt, correlationId, balance, source, shardBalances, Optional.empty());
    }

    /** A balance without a breakdown: all of it on the default shard, 0. */
    public BalanceReported(UUID eventId, Instant occurredAt, String correlationId, Money balance, String source) {
        this(eventId, occurredAt, correlationId, balance, source, Optional.of(Map.of(0, balance)), Optional.empty());
    }

    /** The cash of one shard: from the breakdown; without one (written before shards), all of it is on shard 0. */
    public Money onShard(int shard) {
        if (shardBalances.isEmpty()) {
            return shard == 0 ? balance : Money.ZERO;
        }
        return shardBalances.get().getOrDefault(shard, Money.ZERO);
    }
}
