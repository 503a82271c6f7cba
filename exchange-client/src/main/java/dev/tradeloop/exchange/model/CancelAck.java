package dev.tradeloop.exchange.model;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.tradeloop.events.money.Contracts;

/** The answer to a cancel: how many contracts no longer rest. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record CancelAck(String orderId, String clientOrderId, @JsonAlias("reduced_by_fp") Contracts reducedBy,
        long tsMs) {
}
