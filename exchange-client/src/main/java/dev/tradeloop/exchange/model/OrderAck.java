package dev.tradeloop.exchange.model;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.tradeloop.events.money.Contracts;
import dev.tradeloop.events.money.Money;
import dev.tradeloop.events.money.Price;
import java.util.Optional;

/**
 * The answer to a create order: what filled at once and what rests. Counts are read from
 * {@code fill_count} or {@code fill_count_fp} (the sources disagree on the name; both carry the
 * fixed-point string). The averages are absent when nothing filled, which does not mean zero.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record OrderAck(
        String orderId,
        String clientOrderId,
        @JsonAlias("fill_count_fp") Contracts fillCount,
        @JsonAlias("remaining_count_fp") Contracts remainingCount,
        @JsonAlias("average_fill_price_dollars") Optional<Price> averageFillPrice,
        @JsonAlias("average_fee_paid_dollars") Optional<Money> averageFeePaid,
        long tsMs) {

    /** An answer without the order's id or counts says nothing of what the exchange did with the order. */
    public OrderAck {
        if (orderId == null || orderId.isBlank() || fillCount == null || remainingCount == null) {
            throw new IllegalArgumentException("the answer has no order_id, fill_count or remaining_count");
        }
        averageFillPrice = averageFillPrice == null ? Optional.empty() : averageFillPrice;
        averageFeePaid = averageFeePaid == null ? Optional.empty() : averageFeePaid;
    }
}
