package dev.tradeloop.exchange.model;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.tradeloop.events.money.Contracts;

/** The answer to an amend or a decrease: what now rests and what has filled. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record AmendAck(String orderId, @JsonAlias("remaining_count_fp") Contracts remainingCount,
        @JsonAlias("fill_count_fp") Contracts fillCount, long tsMs) {
}
