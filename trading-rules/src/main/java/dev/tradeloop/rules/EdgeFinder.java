package dev.tradeloop.rules;

import dev.tradeloop.events.MarketStatus;
import dev.tradeloop.events.Prediction;
import dev.tradeloop.events.PriceTick;
import dev.tradeloop.events.Side;
import dev.tradeloop.events.money.Money;
import dev.tradeloop.events.money.Price;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Whether a prediction shows an edge on a market under a method: the market filters first, then
 * for YES and for NO {@code edge = p_side − ask_side − fee per contract} (the taker fee times the
 * series' fee multiplier the tick carries), and the better side if its edge is above the method's minimum.
 */
public final class EdgeFinder {

    /**
     * Why no edge was taken; one per failed filter. {@code CLOSES_SOON}: the market closes within the
     * method's urgent-exit window, so the exit rules would sell the position as soon as it was bought.
     */
    public enum Skip {
        MARKET_NOT_OPEN, CLOSES_SOON, LOW_VOLUME, WIDE_SPREAD, STALE_PRICE, LOW_CONFIDENCE, NO_EDGE
    }

    /** A side worth buying: its probability, ask, expected fee and the edge after it. */
    public record Opportunity(Side side, BigDecimal probability, Price ask, Money feePerContract, BigDecimal edge) {
    }

    /** Either an opportunity, or the reasons there is none. */
    public record Verdict(Optional<Opportunity> opportunity, List<Skip> skipped) {
    }

    private EdgeFinder() {
    }

    public static Verdict evaluate(Prediction prediction, PriceTick tick, Method method, Instant now) {
        Method.Entry entry = method.entry();
        List<Skip> skipped = new ArrayList<>();
        if (tick.marketStatus() != MarketStatus.OPEN || !tick.closeTime().isAfter(now)) {
            skipped.add(Skip.MARKET_NOT_OPEN);
        } else if (Duration.between(now, tick.closeTime()).compareTo(method.exits().urgentBeforeClose()) < 0) {
            skipped.add(Skip.CLOSES_SOON);
        }
        if (tick.volume().compareTo(entry.minVolume()) < 0) {
            skipped.add(Skip.LOW_VOLUME);
        }
        if (spread(tick).compareTo(entry.maxSpread().micros()) > 0) {
            skipped.add(Skip.WIDE_SPREAD);
        }
        if (Duration.between(tick.exchangeTime(), now).compareTo(entry.maxPriceAge()) > 0) {
            skipped.add(Skip.STALE_PRICE);
        }
        if (prediction.confidence().compareTo(entry.minConfidence()) < 0) {
            skipped.add(Skip.LOW_CONFIDENCE);
        }
        if (!skipped.isEmpty()) {
            return new Verdict(Optional.empty(), List.copyOf(skipped));
        }
        Opportunity yes = opportunity(Side.YES, prediction, tick);
        Opportunity no = opportunity(Side.NO, prediction, tick);
        Opportunity best = yes.edge().compareTo(no.edge()) >= 0 ? yes : no;
        if (best.edge().compareTo(entry.minEdge()) <= 0) {
            return new Verdict(Optional.empty(), List.of(Skip.NO_EDGE));
        }
        return new Verdict(Optional.of(best), List.of());
    }

    private static Opportunity opportunity(Side side, Prediction prediction, PriceTick tick) {
        Price ask = tick.ask(side);
        Money fee = EntryFees.perContract(ask, tick.feeMultiplierOrOne());
        BigDecimal probability = prediction.probability(side);
        BigDecimal edge = probability.subtract(ask.toBigDecimal()).subtract(fee.toBigDecimal());
        return new Opportunity(side, probability, ask, fee, edge);
    }

    /** The YES spread in micro-dollars; the NO spread is the same number. */
    private static Long spread(PriceTick tick) {
        return tick.yesAsk().micros() - tick.yesBid().micros();
    }
}
