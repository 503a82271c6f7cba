package dev.tradeloop.events;

import dev.tradeloop.events.money.Contracts;
import dev.tradeloop.events.money.Money;
import dev.tradeloop.events.money.Price;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * The top of one market's book at one moment, with what consumers need to judge it (status,
 * close time, volume, event, the exchange shard it trades on, its series' {@code fee_multiplier}; once
 * settled, which side won, and what the exchange says the account was paid for the market,
 * {@code accountSettlement}, from {@code GET /portfolio/settlements}). Keyed by market ticker;
 * {@code sequence} orders a market's ticks so duplicates and stale ones can be dropped.
 */
public record PriceTick(
        UUID eventId,
        Instant occurredAt,
        String correlationId,
        String marketTicker,
        String eventTicker,
        MarketStatus marketStatus,
        Optional<Side> result,
        Price yesBid,
        Price yesAsk,
        Price noBid,
        Price noAsk,
        Optional<Price> lastPrice,
        Contracts volume,
        Instant closeTime,
        long sequence,
        Instant exchangeTime,
        Optional<Integer> exchangeIndex,
        Optional<BigDecimal> feeMultiplier,
        Optional<Money> accountSettlement) implements Event {

    /** The most a settlement read from the exchange may be before it is refused as unreadable. */
    public static final Money MOST_SETTLEMENT = Money.parse("100000000");

    /** The most a series' fee multiplier may be; anything above is refused as unreadable. */
    public static final BigDecimal MOST_FEE_MULTIPLIER = BigDecimal.TEN;

    public PriceTick {
        Event.requireEnvelope(eventId, occurredAt, correlationId);
        Require.text(marketTicker, "marketTicker");
        Require.text(eventTicker, "eventTicker");
        Require.present(marketStatus, "marketStatus");
        result = Require.optional(result);
        if (result.isPresent() && marketStatus != MarketStatus.SETTLED) {
            throw new IllegalArgumentException("a result comes only with a SETTLED market, not " + marketStatus);
        }
        Require.present(yesBid, "yesBid");
        Require.present(yesAsk, "yesAsk");
        Require.present(noBid, "noBid");
        Require.present(noAsk, "noAsk");
        lastPrice = Require.optional(lastPrice);
        Require.present(volume, "volume");
        Require.present(closeTime, "closeTime");
        Require.nonNegative(sequence, "sequence");
        Require.present(exchangeTime, "exchangeTime");
        exchangeIndex = Require.optional(exchangeIndex);
        exchangeIndex.ifPresent(shard -> Require.nonNegative(shard, "exchangeIndex"));
        feeMultiplier = Require.optional(feeMultiplier);
        feeMultiplier.ifPresent(m -> {
            if (m.signum() < 0 || m.compareTo(MOST_FEE_MULTIPLIER) > 0) {
                throw new IllegalArgumentException("feeMultiplier " + m + " is not between 0 and " + MOST_FEE_MULTIPLIER);
            }
        });
        accountSettlement = Require.optional(accountSettlement);
        accountSettlement.ifPresent(paid -> {
            if (marketStatus != MarketStatus.SETTLED) {
                throw new IllegalArgumentException("an accountSettlement comes only with a SETTLED market, not "
                        + marketStatus);
            }
            if (paid.compareTo(Money.ZERO) < 0 || paid.compareTo(MOST_SETTLEMENT) > 0) {
                throw new IllegalArgumentException("accountSettlement " + paid + " is not between 0 and " + MOST_SETTLEMENT);
            }
        });
    }

    /** A tick whose settlement, if any, the exchange has not been asked about. */
    public PriceTick(UUID eventId, Instant occurredAt, String correlationId, String marketTicker, String eventTicker,
            MarketStatus marketStatus, Optional<Side> result, Price yesBid, Price yesAsk, Price noBid, Price noAsk,
            Optional<Price> lastPrice, Contracts volume, Instant closeTime, long sequence, Instant exchangeTime,
            Optional<Integer> exchangeIndex, Optional<BigDecimal> feeMultiplier) {
        this(eventId, occurredAt, correlationId, marketTicker, eventTicker, marketStatus, result, yesBid, yesAsk, noBid,
                noAsk, lastPrice, volume, closeTime, sequence, exchangeTime, exchangeIndex, feeMultiplier,
                Optional.empty());
    }

    /** The same tick saying what the exchange paid the account for the market. */
    public PriceTick withAccountSettlement(Optional<Money> paid) {
        return new PriceTick(eventId, occurredAt, correlationId, marketTicker, eventTicker, marketStatus, result, yesBid,
                yesAsk, noBid, noAsk, lastPrice, volume, closeTime, sequence, exchangeTime, exchangeIndex, feeMultiplier,
                paid);
    }

    /** A tick of a market whose series' fee multiplier is not said (1, the standard fees). */
    public PriceTick(UUID eventId, Instant occurredAt, String correlationId, String marketTicker, String eventTicker,
            MarketStatus marketStatus, Optional<Side> result, Price yesBid, Price yesAsk, Price noBid, Price noAsk,
            Optional<Price> lastPrice, Contracts volume, Instant closeTime, long sequence, Instant exchangeTime,
            Optional<Integer> exchangeIndex) {
        this(eventId, occurredAt, correlationId, marketTicker, eventTicker, marketStatus, result, yesBid, yesAsk, noBid,
                noAsk, lastPrice, volume, closeTime, sequence, exchangeTime, exchangeIndex, Optional.empty(),
                Optional.empty());
    }

    /** A tick of a market on the default exchange shard, 0. */
    public PriceTick(UUID eventId, Instant occurredAt, String correlationId, String marketTicker, String eventTicker,
            MarketStatus marketStatus, Optional<Side> result, Price yesBid, Price yesAsk, Price noBid, Price noAsk,
            Optional<Price> lastPrice, Contracts volume, Instant closeTime, long sequence, Instant exchangeTime) {
        this(eventId, occurredAt, correlationId, marketTicker, eventTicker, marketStatus, result, yesBid, yesAsk, noBid,
                noAsk, lastPrice, volume, closeTime, sequence, exchangeTime, Optional.of(0));
    }

    /** The price a held position of {@code side} could be sold at now. */
    public Price bid(Side side) {
        return side == Side.YES ? yesBid : noBid;
    }

    /** The price {@code side} can be bought at now. */
    public Price ask(Side side) {
        return side == Side.YES ? yesAsk : noAsk;
    }

    /** What the market's series multiplies its fees by: 1, the standard, when the event does not say. */
    public BigDecimal feeMultiplierOrOne() {
        return feeMultiplier.orElse(BigDecimal.ONE);
    }

    /** The exchange shard of the market: 0, the default, when the event does not say (it was written before shards). */
    public int shard() {
        return exchangeIndex.orElse(0);
    }
}
