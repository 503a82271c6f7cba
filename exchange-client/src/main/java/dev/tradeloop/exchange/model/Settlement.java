package dev.tradeloop.exchange.model;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.tradeloop.events.money.Contracts;
import dev.tradeloop.events.money.Money;
import java.time.Instant;

/**
 * What a finalized market paid the account, as {@code GET /portfolio/settlements} lists it:
 * {@code revenue} in cents (each winning contract pays 100), the contracts held of each side and
 * their cost basis, and the fees paid in the market.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Settlement(
        String ticker,
        String eventTicker,
        Integer exchangeIndex,
        String marketResult,
        Contracts yesCountFp,
        Money yesTotalCostDollars,
        Contracts noCountFp,
        Money noTotalCostDollars,
        long revenue,
        Instant settledTime,
        Money feeCost) {

    /** What the settlement paid, exactly. */
    public Money revenueDollars() {
        return Money.ofCents(revenue);
    }
}
