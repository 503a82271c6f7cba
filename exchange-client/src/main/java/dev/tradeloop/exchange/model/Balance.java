package dev.tradeloop.exchange.model;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.tradeloop.events.money.Money;
import java.util.List;

/**
 * The account's cash: {@code balance} in whole cents and {@code balance_dollars} exact, over every
 * exchange shard, and {@code balance_breakdown}, the cash on each shard (collateral is per shard:
 * an order is paid from the balance of its market's shard).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Balance(long balance, Money balanceDollars, List<IndexedBalance> balanceBreakdown) {

    /** The cash on one shard. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record IndexedBalance(int exchangeIndex, Money balance) {
    }

    public Balance {
        balanceBreakdown = balanceBreakdown == null ? List.of() : List.copyOf(balanceBreakdown);
    }

    /** The exact balance, from {@code balance_dollars} when present, else from the cents. */
    public Money dollars() {
        return balanceDollars != null ? balanceDollars : Money.ofCents(balance);
    }

    /**
     * The cash on shard {@code exchangeIndex}: from the breakdown, or, when the answer has none (a
     * key restricted to a subaccount), the whole balance for shard 0 and nothing for another.
     */
    public Money onShard(int exchangeIndex) {
        if (balanceBreakdown.isEmpty()) {
            return exchangeIndex == 0 ? dollars() : Money.ZERO;
        }
        return balanceBreakdown.stream().filter(b -> b.exchangeIndex() == exchangeIndex).map(IndexedBalance::balance)
                .findFirst().orElse(Money.ZERO);
    }
}
