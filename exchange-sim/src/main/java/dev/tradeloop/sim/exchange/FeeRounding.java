package dev.tradeloop.sim.exchange;

import dev.tradeloop.events.money.Money;

/**
 * Kalshi's fee rounding (its fee rounding guide): a fill's balance change, {@code revenue − trade
 * fee}, is floored to the account's balance precision ($0.01 for an account that is not a direct
 * member); what the flooring takes is the rounding fee. Each order keeps an accumulator of its
 * rounding fees; once it exceeds $0.01, a whole cent is rebated and taken off it. The net fee,
 * {@code trade fee + rounding fee − rebate}, is what the balance pays beyond the revenue.
 */
public final class FeeRounding {

    /** The balance precision of an account that is not a direct member of the exchange: one cent. */
    static final Money CENT = Money.parse("0.01");

    private FeeRounding() {
    }

    /** The fee parts of one fill, and the order's accumulator after it. */
    public record Charge(Money tradeFee, Money roundingFee, Money rebate, Money accumulator) {

        /** What the fill costs in fees: never negative. */
        public Money netFee() {
            return tradeFee.plus(roundingFee).minus(rebate);
        }
    }

    /**
     * The fee parts of a fill of signed {@code revenue} (negative for a buyer) and {@code tradeFee}
     * (already rounded up to $0.0001), on an order whose accumulator stands at {@code accumulator}.
     */
    public static Charge charge(Money revenue, Money tradeFee, Money accumulator) {
        Money change = revenue.minus(tradeFee);
        long cents = Math.floorDiv(change.micros(), CENT.micros());
        Money floored = new Money(cents * CENT.micros());
        Money rounding = change.minus(floored);
        Money accumulated = accumulator.plus(rounding);
        Money rebate = Money.ZERO;
        if (accumulated.compareTo(CENT) > 0) {
            rebate = CENT;
            accumulated = accumulated.minus(CENT);
        }
        return new Charge(tradeFee, rounding, rebate, accumulated);
    }
}
