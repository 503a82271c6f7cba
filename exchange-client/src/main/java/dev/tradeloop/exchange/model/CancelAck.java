package dev.tradeloop.exchange.model;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.tradeloop.events.money.Contracts;

/** The answer to a cancel: how many contracts no longer rest. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record CancelAck(String orderId, String clientOrderId, @JsonAlias("reduced_by_fp") Contracts reducedBy,
        long tsMs) {

    /** An answer without the order's id or what was cancelled says nothing of what the exchange did. */
    public CancelAck {
        if (orderId == null || orderId.isBlank() || reducedBy == null) {
            throw new IllegalArgumentException("the answer has no order_id or reduced_by");
        }
    }
}
