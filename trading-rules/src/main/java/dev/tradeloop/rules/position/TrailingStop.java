package dev.tradeloop.rules.position;

import dev.tradeloop.events.money.Price;
import dev.tradeloop.rules.Method;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * The trailing stop of the trading rules. It activates when P&amp;L pct first reaches the activation,
 * with {@code peak = mark} and {@code stop = peak × (1 − initial)}; on each new peak the distance
 * tightens, {@code max(initial − tightening × floor((pnl pct − activation) / step), floor)}, and
 * {@code stop = peak × (1 − distance)}; the stop only moves up. It fires when {@code mark ≤ stop}.
 * The stop is exact; only an order price is ever rounded.
 */
public record TrailingStop(boolean active, Optional<Price> peak, BigDecimal distance, BigDecimal stop) {

    public static TrailingStop inactive() {
        return new TrailingStop(false, Optional.empty(), BigDecimal.ZERO, BigDecimal.ZERO);
    }

    /** The stop after a new mark; the same stop when nothing changes it. */
    public TrailingStop update(Holding.Valuation value, Method.TrailingStop settings) {
        Price mark = value.mark();
        if (!active) {
            if (value.comparePnlPct(settings.activationPct()) < 0) {
                return this;
            }
            BigDecimal initial = settings.initialDistance();
            return new TrailingStop(true, Optional.of(mark), initial, stopAt(mark, initial));
        }
        if (mark.compareTo(peak.orElseThrow()) <= 0) {
            return this;
        }
        BigDecimal steps = value.pnlPctStepsFrom(settings.activationPct(), settings.tightenEveryPct())
                .max(BigDecimal.ZERO);
        BigDecimal distance = settings.initialDistance().subtract(settings.tightening().multiply(steps))
                .max(settings.floor());
        return new TrailingStop(true, Optional.of(mark), distance, stopAt(mark, distance).max(stop));
    }

    public boolean fires(Price mark) {
        return active && mark.toBigDecimal().compareTo(stop) <= 0;
    }

    /** True when this stop differs from {@code before} in a way worth an event. */
    public boolean movedFrom(TrailingStop before) {
        return active && (!before.active || stop.compareTo(before.stop) != 0);
    }

    private static BigDecimal stopAt(Price peak, BigDecimal distance) {
        return peak.toBigDecimal().multiply(BigDecimal.ONE.subtract(distance)).stripTrailingZeros();
    }
}
