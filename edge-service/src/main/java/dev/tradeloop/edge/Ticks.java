package dev.tradeloop.edge;

import dev.tradeloop.events.MarketStatus;
import dev.tradeloop.events.Side;
import dev.tradeloop.events.PriceTick;
import dev.tradeloop.events.money.Contracts;
import dev.tradeloop.events.money.Price;
import dev.tradeloop.exchange.feed.LocalBook;
import dev.tradeloop.exchange.model.Market;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Makes {@link PriceTick}s from what the exchange says: a market listing (the REST snapshot) or a
 * local book (the WebSocket feed). Asks come from the other side's bids (a NO bid at p is a YES ask at
 * 1 − p); a side with no bid reads as 0.00 and so an ask of 1.00, which no filter lets through.
 */
public final class Ticks {

    private Ticks() {
    }

    /** What a listing says of a market, on a series whose fees are multiplied by {@code feeMultiplier}. */
    public static MarketInfo infoOf(Market market, java.math.BigDecimal feeMultiplier) {
        MarketStatus status = statusOf(market);
        return new MarketInfo(market.eventTicker(), status, status == MarketStatus.SETTLED ? resultOf(market)
                : Optional.empty(), market.closeTime(),
                market.volumeFp() == null ? Contracts.ZERO : market.volumeFp(),
                Optional.ofNullable(market.lastPriceDollars()), market.shard(), feeMultiplier);
    }

    public static PriceTick fromMarket(Market market, java.math.BigDecimal feeMultiplier, long sequence, Instant now) {
        Price yesBid = orZero(market.yesBidDollars());
        Price noBid = orZero(market.noBidDollars());
        return tick(market.ticker(), infoOf(market, feeMultiplier), yesBid, noBid, sequence, now);
    }

    public static PriceTick fromBook(LocalBook book, MarketInfo info, long sequence, Instant now) {
        return tick(book.ticker(), info, book.bestYesBid().orElse(Price.ZERO), book.bestNoBid().orElse(Price.ZERO),
                sequence, now);
    }

    private static PriceTick tick(String ticker, MarketInfo info, Price yesBid, Price noBid, long sequence,
            Instant now) {
        UUID id = UUID.randomUUID();
        return new PriceTick(id, now, "tick-" + ticker, ticker, info.eventTicker(), info.status(), info.result(), yesBid,
                noBid.complement(), noBid, yesBid.complement(), info.lastPrice(), info.volume(), info.closeTime(),
                sequence, now, Optional.of(info.exchangeIndex()), Optional.of(info.feeMultiplier()));
    }

    /** True when two ticks of a market say the same thing (a consumer learns nothing new). */
    public static boolean sameQuote(PriceTick a, PriceTick b) {
        return a.yesBid().equals(b.yesBid()) && a.noBid().equals(b.noBid()) && a.volume().equals(b.volume())
                && a.marketStatus() == b.marketStatus() && a.result().equals(b.result())
                && a.lastPrice().equals(b.lastPrice());
    }

    private static MarketStatus statusOf(Market market) {
        if (market.isOpen()) {
            return MarketStatus.OPEN;
        }
        // Kalshi's lifecycle: "inactive" is a pause, not a close; a determined result (disputed or
        // amended too) is not paid until the market is finalized, so only then is it settled
        return switch (market.status() == null ? "" : market.status()) {
            case "unopened", "initialized" -> MarketStatus.UNOPENED;
            case "inactive", "paused" -> MarketStatus.PAUSED;
            case "finalized", "settled" -> MarketStatus.SETTLED;
            default -> MarketStatus.CLOSED;
        };
    }

    /** Which side won, once the exchange says: {@code yes} or {@code no} (empty while undecided). */
    private static Optional<Side> resultOf(Market market) {
        if ("yes".equals(market.result())) {
            return Optional.of(Side.YES);
        }
        return "no".equals(market.result()) ? Optional.of(Side.NO) : Optional.empty();
    }

    private static Price orZero(Price price) {
        return price == null ? Price.ZERO : price;
    }
}
