package dev.tradeloop.rules;

import dev.tradeloop.events.ExitExecution;
import dev.tradeloop.events.ExitPriority;
import dev.tradeloop.events.MethodRef;
import dev.tradeloop.events.money.Contracts;
import dev.tradeloop.events.money.Money;
import dev.tradeloop.events.money.Price;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A method: a named, versioned, immutable bundle of every setting of the trading rules. Every
 * edge, trade and position records the {@link MethodRef} it was made under and keeps using that
 * version until it is closed. Read and checked by {@link MethodReader}.
 */
public record Method(MethodRef ref, String description, Entry entry, Sizing sizing, RiskLimits risk, Exits exits,
        Monitoring monitoring) {

    /** When an edge is worth an entry, and how the entry order is worked. */
    public record Entry(BigDecimal minEdge, BigDecimal minConfidence, Contracts minVolume, Price maxSpread,
            Duration maxPriceAge, Duration fillTimeout, Price walkStep, Price slippageCap) {
    }

    /** Fractional Kelly, clamped to a stake range. */
    public record Sizing(BigDecimal kellyFraction, Money minPosition, Money maxPosition) {
    }

    /** The risk gate's limits. */
    public record RiskLimits(int maxOpenPositions, Money maxTotalExposure, Money maxEventExposure, Money dailyLossLimit,
            Price minOrderPrice, Price maxOrderPrice, Price priceCollar, Contracts maxContractsPerOrder) {
    }

    /** The ten exit conditions' settings and how each priority is executed. */
    public record Exits(BigDecimal stopLossPct, ConfidenceBands confidenceBands, ProfitTargets profitTargets,
            TrailingStop trailingStop, PartialExits partialExits, Duration urgentBeforeClose, Liquidity liquidity,
            BigDecimal earlyExitEdge, Map<ExitPriority, ExitExecution> execution) {
    }

    /** A confidence at or above {@code high} is high, at or above {@code medium} medium, else low. */
    public record ConfidenceBands(BigDecimal high, BigDecimal medium) {
    }

    /** P&amp;L pct at which the whole position is taken, by confidence (when partial exits are off). */
    public record ProfitTargets(BigDecimal high, BigDecimal medium, BigDecimal low) {
    }

    /** The trailing stop: activation, starting distance, how it tightens, and its floor. */
    public record TrailingStop(BigDecimal activationPct, BigDecimal initialDistance, BigDecimal tightening,
            BigDecimal tightenEveryPct, BigDecimal floor) {
    }

    /** The partial-exit ladder, which takes the profit target's place when enabled. */
    public record PartialExits(boolean enabled, List<Stage> stages) {
    }

    /** Sell {@code fractionOfOriginal} of the original count when P&amp;L pct reaches {@code atPct}. */
    public record Stage(BigDecimal atPct, BigDecimal fractionOfOriginal) {
    }

    /** A market too thin to stay in: spread above {@code maxSpread} or volume under {@code minVolume}. */
    public record Liquidity(Price maxSpread, Contracts minVolume) {
    }

    /**
     * How often positions are re-evaluated without a tick ({@code markInterval}, {@code urgentInterval}
     * within {@code nearThreshold} of a threshold), and when a mark is sent: moved by {@code markStep}
     * or more, at most once per {@code marksAtMostEvery} (unless it crossed a threshold), and at least
     * once per {@code markInterval}.
     */
    public record Monitoring(Duration markInterval, Duration urgentInterval, BigDecimal nearThreshold, Price markStep,
            Duration marksAtMostEvery) {

        /** A method that does not say ({@code monitoring.marks_at_most_every_ms}): once a second. */
        public static final Duration MARKS_AT_MOST_EVERY = Duration.ofSeconds(1);
    }
}
