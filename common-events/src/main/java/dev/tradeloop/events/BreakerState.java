package dev.tradeloop.events;

import java.time.Instant;
import java.util.Optional;

/** One circuit breaker (or the kill switch): open or closed, since when, why, and how it resets. */
public record BreakerState(
        BreakerName name,
        boolean open,
        ResetMode resetMode,
        Optional<Instant> trippedAt,
        Optional<String> reason) {

    public BreakerState {
        Require.present(name, "name");
        Require.present(resetMode, "resetMode");
        trippedAt = Require.optional(trippedAt);
        reason = Require.optional(reason);
        if (open && trippedAt.isEmpty()) {
            throw new IllegalArgumentException("open breaker " + name + " has no trippedAt");
        }
    }
}
