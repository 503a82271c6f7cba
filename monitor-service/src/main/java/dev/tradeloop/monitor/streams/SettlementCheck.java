package dev.tradeloop.monitor.streams;

import dev.tradeloop.events.Alert;
import dev.tradeloop.events.AlertCode;
import dev.tradeloop.events.AlertSeverity;
import dev.tradeloop.events.PriceTick;
import dev.tradeloop.events.money.Money;
import io.quarkus.logging.Log;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Confirms a settlement with the exchange: what {@code GET /portfolio/settlements} says the account
 * was paid for a market (the settled tick's {@code accountSettlement}) must equal what the positions
 * held there paid when they settled. A difference means the exchange held contracts no position
 * accounts for, or the other way round: a person must look.
 */
final class SettlementCheck {

    private SettlementCheck() {
    }

    /** The alert when the exchange paid other than the positions expected; empty when it confirms them. */
    static Optional<Alert> mismatch(PriceTick tick, Money expected, Instant now) {
        Money paid = tick.accountSettlement().orElseThrow();
        if (paid.equals(expected)) {
            Log.infof("settlement of %s confirmed by the exchange: it paid $%s, as the positions held expected",
                    tick.marketTicker(), paid);
            return Optional.empty();
        }
        String message = "settlement of " + tick.marketTicker() + " (" + tick.result().map(Enum::name).orElse("?")
                + " won): the exchange paid the account $" + paid + ", the positions held expected $" + expected;
        Log.warn(message);
        return Optional.of(new Alert(UUID.randomUUID(), now, "settlement-" + tick.marketTicker(), AlertSeverity.CRITICAL,
                AlertCode.RECONCILIATION_MISMATCH, "monitor-service", message, Optional.empty(),
                Optional.of(tick.marketTicker())));
    }
}
