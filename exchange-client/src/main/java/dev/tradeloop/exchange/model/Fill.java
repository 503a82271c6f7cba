package dev.tradeloop.exchange.model;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.tradeloop.events.money.Contracts;
import dev.tradeloop.events.money.Money;
import dev.tradeloop.events.money.Price;
import java.time.Instant;

/**
 * One of the account's executions. {@code tradeId} (= {@code fill_id} on Kalshi) is what fills
 * are de-duplicated on; {@code feeCost} is what the exchange charged, the only fee P&amp;L uses.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Fill(
        String fillId,
        String tradeId,
        String orderId,
        @JsonAlias("market_ticker") String ticker,
        String outcomeSide,
        String bookSide,
        Contracts countFp,
        Price yesPriceDollars,
        Price noPriceDollars,
        boolean isTaker,
        Money feeCost,
        Instant createdTime) {

    /** The id to de-duplicate on: the trade id where present, else the fill id. */
    public String dedupeId() {
        return tradeId != null && !tradeId.isEmpty() ? tradeId : fillId;
    }
}
