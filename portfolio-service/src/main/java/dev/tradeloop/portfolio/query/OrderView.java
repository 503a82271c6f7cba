package dev.tradeloop.portfolio.query;

import java.time.Instant;
import java.util.List;

/** One order (one attempt of an entry or an exit) with every step it went through. */
public record OrderView(
        String clientOrderId,
        String positionId,
        String marketTicker,
        String purpose,
        String side,
        String action,
        int attempt,
        String orderId,
        String status,
        String price,
        String contracts,
        String filled,
        String strategy,
        String priority,
        String methodId,
        int methodVersion,
        Instant createdAt,
        Instant updatedAt,
        List<Step> steps) {

    /** One event of the order: placed, walked, filled, cancelled…, with the exchange's error code if any. */
    public record Step(Instant at, String status, String price, String contracts, String filled,
            String exchangeErrorCode, String note, String ending) {
    }
}
