package dev.tradeloop.exchange.model;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.tradeloop.events.money.Contracts;
import dev.tradeloop.events.money.Money;
import dev.tradeloop.events.money.Price;
import java.time.Instant;

/** An order as {@code GET /portfolio/orders} returns it. A partly filled order stays {@code resting}. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Order(
        String orderId,
        String clientOrderId,
        String ticker,
        String outcomeSide,
        String bookSide,
        String status,
        Price yesPriceDollars,
        Price noPriceDollars,
        Contracts initialCountFp,
        Contracts fillCountFp,
        Contracts remainingCountFp,
        Money takerFeesDollars,
        Money makerFeesDollars,
        Money takerFillCostDollars,
        Money makerFillCostDollars,
        Instant createdTime,
        Instant lastUpdateTime) {

    public boolean isResting() {
        return "resting".equals(status);
    }
}
