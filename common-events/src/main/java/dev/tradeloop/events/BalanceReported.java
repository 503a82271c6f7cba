package dev.tradeloop.events;

import dev.tradeloop.events.money.Money;
import java.time.Instant;
import java.util.UUID;

/**
 * The account's cash balance as the exchange last reported it, published by order-service (the
 * service that talks to the exchange for entries) under the key {@code account}. risk-service sizes
 * every entry against it: the bankroll of the Kelly stake.
 */
public record BalanceReported(
        UUID eventId,
        Instant occurredAt,
        String correlationId,
        Money balance,
        String source) implements Event {

    public BalanceReported {
        Event.requireEnvelope(eventId, occurredAt, correlationId);
        Require.present(balance, "balance");
        Require.text(source, "source");
    }
}
