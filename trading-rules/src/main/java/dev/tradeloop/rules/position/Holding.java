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

    /** What the holding is worth at {@code mark} (the held side's bid), net of the entry fees. */
    public record Valuation(Price mark, Money unrealizedPnl, BigDecimal pnlPct) {
    }

    public boolean isOpen() {
        return !count.isZero();
    }

    /**
     * {@code unrealized = count × (mark − entry price) − entry fees}, and
     * {@code pnl pct = unrealized / (count × entry price)}, exact to 20 significant digits.
     */
    public Valuation valueAt(Price mark) {
        Money unrealized = mark.times(count).minus(costBasis).minus(entryFees);
        BigDecimal pct = costBasis.micros() == 0 ? BigDecimal.ZERO
                : unrealized.toBigDecimal().divide(costBasis.toBigDecimal(), PRECISION);
        return new Valuation(mark, unrealized, pct);
    }

    /**
     * Whether the P&amp;L pct at {@code mark} is below, at or above {@code pct} (−1, 0, 1): the same
     * comparison as {@code valueAt(mark).pnlPct().compareTo(pct)}, made without a division (profiled:
     * the division is most of a valuation's cost).
     */
    public int comparePnlPctAt(Price mark, BigDecimal pct) {
        if (costBasis.micros() == 0) {
            return BigDecimal.ZERO.compareTo(pct);
        }
        BigDecimal unrealized = mark.times(count).minus(costBasis).minus(entryFees).toBigDecimal();
        return unrealized.compareTo(pct.multiply(costBasis.toBigDecimal()));
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
