package dev.tradeloop.exchange.model;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.tradeloop.events.money.Money;

/** The account's cash: {@code balance} in whole cents and {@code balance_dollars} exact. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Balance(long balance, Money balanceDollars) {

    /** The exact balance, from {@code balance_dollars} when present, else from the cents. */
    public Money dollars() {
        return balanceDollars != null ? balanceDollars : Money.ofCents(balance);
    }
}
