package dev.tradeloop.ledger;

import dev.tradeloop.events.OrderPurpose;

/** Something to execute on the exchange (an approved entry, an exit) and the request it came from. */
public record Execution(String executionId, String positionId, OrderPurpose purpose, String requestJson) {
}
