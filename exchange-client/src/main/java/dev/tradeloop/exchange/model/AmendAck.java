package dev.tradeloop.exchange.model;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.tradeloop.events.money.Contracts;

/** The answer to an amend or a decrease: what now rests and what has filled. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record AmendAck(String orderId, @JsonAlias("remaining_count_fp") Contracts remainingCount,
        @JsonAlias("fill_count_fp") Contracts fillCount, long tsMs) {

    /** An answer without the order's id or counts says nothing of what the exchange did with the order. */
    public AmendAck {
        if (orderId == null || orderId.isBlank() || remainingCount == null || fillCount == null) {
            throw new IllegalArgumentException("the answer has no order_id, remaining_count or fill_count");
        }
    }
}
