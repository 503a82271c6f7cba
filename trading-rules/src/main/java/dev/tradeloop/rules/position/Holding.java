package dev.tradeloop.rules.position;

import dev.tradeloop.events.Side;
import dev.tradeloop.events.money.Contracts;
import dev.tradeloop.events.money.Money;
import dev.tradeloop.events.money.Price;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * What a position holds: {@code count} contracts of {@code side}, bought for {@code costBasis} with
 * {@code entryFees} paid (both for the contracts still held: a partial close takes its share away,
 * pro rata), out of the {@code originalCount} first bought.
 */
public record Holding(Side side, Contracts originalCount, Contracts count, Money costBasis, Money entryFees) {

    private static final MathContext PRECISION = new MathContext(20, RoundingMode.HALF_EVEN);

    /**
     * What the holding is worth at {@code mark} (the held side's bid), net of the entry fees, against
     * the {@code costBasis} it was bought for. The rules judge the P&amp;L pct by comparing it
     * ({@link #comparePnlPct}, {@link #pnlPctStepsFrom}): exact, and without the division that was most
     * of an evaluation's cost (profiled); {@link #pnlPct} divides, for the figures that are published.
     */
    public record Valuation(Price mark, Money unrealizedPnl, Money costBasis) {

        /** {@code unrealized / cost basis}, to 20 significant digits; zero when nothing was paid. */
        public BigDecimal pnlPct() {
            return costBasis.micros() == 0 ? BigDecimal.ZERO
                    : unrealizedPnl.toBigDecimal().divide(costBasis.toBigDecimal(), PRECISION);
        }

        /**
         * Whether the P&amp;L pct is below, at or above {@code pct} (−1, 0, 1), exactly:
         * {@code unrealized} against {@code pct × cost basis}.
         */
        public int comparePnlPct(BigDecimal pct) {
            if (costBasis.micros() == 0) {
                return BigDecimal.ZERO.compareTo(pct);
            }
            return unrealizedPnl.toBigDecimal().compareTo(pct.multiply(costBasis.toBigDecimal()));
        }

        /** Whether the P&amp;L pct is within {@code near} of {@code pct}, either side, bounds included. */
        public boolean pnlPctWithin(BigDecimal near, BigDecimal pct) {
            return comparePnlPct(pct.subtract(near)) >= 0 && comparePnlPct(pct.add(near)) <= 0;
        }

        /**
         * {@code floor((pnl pct − from) / step)}, exactly: how many whole steps the P&amp;L pct is above
         * {@code from} (negative below it), as {@code floor((unrealized − from × cost) / (step × cost))}.
         */
        public BigDecimal pnlPctStepsFrom(BigDecimal from, BigDecimal step) {
            if (costBasis.micros() == 0) {
                return BigDecimal.ZERO.subtract(from).divide(step, 0, RoundingMode.FLOOR);
            }
            BigDecimal cost = costBasis.toBigDecimal();
            return unrealizedPnl.toBigDecimal().subtract(from.multiply(cost))
                    .divide(step.multiply(cost), 0, RoundingMode.FLOOR);
        }
    }

    public boolean isOpen() {
        return !count.isZero();
    }

    /** {@code unrealized = count × (mark − entry price) − entry fees}, against the cost basis. */
    public Valuation valueAt(Price mark) {
        return new Valuation(mark, mark.times(count).minus(costBasis).minus(entryFees), costBasis);
    }

    /** After buying {@code added} more at {@code price} with {@code fee}. */
    public Holding increasedBy(Contracts added, Price price, Money fee) {
        return new Holding(side, originalCount.plus(added), count.plus(added), costBasis.plus(price.times(added)),
                entryFees.plus(fee));
    }

    /**
     * After selling {@code sold}: what is left keeps the cost basis and entry fees the sale did not
     * take ({@link #costOf}), so the parts of a position sold in pieces add up to its whole cost, to
     * the micro-dollar (two roundings, one per side, would not).
     */
    public Holding reducedBy(Contracts sold) {
        Contracts left = count.minus(sold);
        if (left.isZero()) {
            return new Holding(side, originalCount, left, Money.ZERO, Money.ZERO);
        }
        return new Holding(side, originalCount, left, costBasis.minus(costBasis.proRata(sold, count)),
                entryFees.minus(entryFees.proRata(sold, count)));
    }

    /** The cost basis and entry fees of {@code sold} contracts: what a partial close realizes against. */
    public Money costOf(Contracts sold) {
        return sold.equals(count) ? costBasis.plus(entryFees)
                : costBasis.proRata(sold, count).plus(entryFees.proRata(sold, count));
    }
}
