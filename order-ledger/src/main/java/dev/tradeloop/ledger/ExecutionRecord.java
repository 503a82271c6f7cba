package dev.tradeloop.ledger;

import dev.tradeloop.events.OrderPurpose;
import java.time.Instant;
import java.util.List;

/** An execution as the ledger holds it, for a person to read: where it stands and every order it sent. */
public record ExecutionRecord(String executionId, String positionId, OrderPurpose purpose, String status,
        Instant createdAt, List<Attempt> attempts) {
}
