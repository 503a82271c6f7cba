package dev.tradeloop.events;

import java.time.Instant;
import java.util.Optional;

/**
 * One circuit breaker (or the kill switch): open or closed, since when, why, and how it resets;
 * {@code flattens} says of an open kill switch whether it closes every position (FLATTEN) or
 * halts (HALT), so the state can be restored from the log alone.
 */
public record BreakerState(
        BreakerName name,
        boolean open,
        ResetMode resetMode,
        Optional<Instant> trippedAt,
        Optional<String> reason,
        Optional<Boolean> flattens) {

    public BreakerState {
        Require.present(name, "name");
        Require.present(resetMode, "resetMode");
        trippedAt = Require.optional(trippedAt);
        reason = Require.optional(reason);
        flattens = Require.optional(flattens);
        if (open && trippedAt.isEmpty()) {
            throw new IllegalArgumentException("open breaker " + name + " has no trippedAt");
        }
    }

    /** A breaker that says nothing of flattening (any but an open kill switch). */
    public BreakerState(BreakerName name, boolean open, ResetMode resetMode, Optional<Instant> trippedAt,
            Optional<String> reason) {
        this(name, open, resetMode, trippedAt, reason, Optional.empty());
    }
}
