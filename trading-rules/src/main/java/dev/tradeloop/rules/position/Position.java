package dev.tradeloop.rules.position;

import dev.tradeloop.events.ExitPriority;
import dev.tradeloop.events.ExitReason;
import dev.tradeloop.events.MethodRef;
import dev.tradeloop.events.money.Contracts;
import dev.tradeloop.events.money.Money;
import dev.tradeloop.events.money.Price;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The position aggregate the monitor keeps, one per position id: what is held, what it has realized,
 * its trailing stop, the partial-exit stages done, the fills applied (by trade id, so one delivered
 * twice counts once), the exit in flight (if any), and what the monitor last said about it. Changed only by {@link PositionLifecycle}.
 */
public record Position(
        String positionId,
        String marketTicker,
        String eventTicker,
        MethodRef method,
        BigDecimal confidence,
        String correlationId,
        Holding holding,
        Money realizedPnl,
        Money totalFees,
        TrailingStop trailingStop,
        Set<Integer> stagesDone,
        Map<Integer, Contracts> stageSold,
        Set<String> tradeIds,
        Optional<ExitInFlight> exitInFlight,
        Optional<Price> lastMark,
        Optional<Price> publishedMark,
        Optional<Instant> publishedAt,
        Optional<Instant> evaluatedAt,
        boolean closed) {

    /** An exit trigger sent and not yet done: its condition, priority, what is left to sell, its stage. */
    public record ExitInFlight(ExitReason reason, ExitPriority priority, Contracts remaining, Optional<Integer> stage,
            UUID triggerEventId) {
    }

    public Position {
        stagesDone = Set.copyOf(stagesDone);
        stageSold = stageSold == null ? Map.of() : Map.copyOf(stageSold); // absent in a position kept before stages were counted
        tradeIds = Set.copyOf(tradeIds);
    }

    /** The key of this position in a store shared by a market's positions: market first, for a prefix scan. */
    public String storeKey() {
        return storeKey(marketTicker, positionId);
    }

    public static String storeKey(String marketTicker, String positionId) {
        return marketTicker + "|" + positionId;
    }
}
