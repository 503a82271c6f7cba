package dev.tradeloop.exchange.model;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** {@code GET /account/limits}: the account's usage tier and its read and write token buckets. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record AccountLimits(String usageTier, Bucket read, Bucket write) {

    /** One token bucket: refilled at {@code refillRate} tokens a second, up to {@code bucketCapacity}. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Bucket(long refillRate, long bucketCapacity) {
    }
}
