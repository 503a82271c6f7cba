package dev.tradeloop.events;

import dev.tradeloop.events.money.Money;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The account's cash balance as the exchange last reported it, published by order-service (the
 * service that talks to the exchange for entries) under the key {@code account}: {@code balance} over
 * every exchange shard, and {@code shardBalances}, the cash of each shard. Collateral is per shard,
 * so risk-service sizes every entry against the cash of its market's shard: the Kelly bankroll.
 */
public record BalanceReported(
        UUID eventId,
        Instant occurredAt,
        String correlationId,
        Money balance,
        String source,
        Optional<Map<Integer, Money>> shardBalances) implements Event {

    public BalanceReported {
        Event.requireEnvelope(eventId, occurredAt, correlationId);
        Require.present(balance, "balance");
        Require.text(source, "source");
        shardBalances = Require.optional(shardBalances).map(Map::copyOf);
        shardBalances.ifPresent(shards -> shards.keySet().forEach(shard -> Require.nonNegative(shard, "shardBalances")));
    }

    /** A balance without a breakdown: all of it on the default shard, 0. */
    public BalanceReported(UUID eventId, Instant occurredAt, String correlationId, Money balance, String source) {
        this(eventId, occurredAt, correlationId, balance, source, Optional.of(Map.of(0, balance)));
    }

    /** The cash of one shard: from the breakdown; without one (written before shards), all of it is on shard 0. */
    public Money onShard(int shard) {
        if (shardBalances.isEmpty()) {
            return shard == 0 ? balance : Money.ZERO;
        }
        return shardBalances.get().getOrDefault(shard, Money.ZERO);
    }
}
