package dev.tradeloop.sim.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.tradeloop.events.money.Contracts;
import dev.tradeloop.events.money.Money;
import dev.tradeloop.events.money.Price;
import dev.tradeloop.sim.exchange.BookSide;
import dev.tradeloop.sim.exchange.SimAccount;
import dev.tradeloop.sim.exchange.SimFill;
import dev.tradeloop.sim.exchange.SimMarket;
import dev.tradeloop.sim.exchange.SimOrder;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The JSON shapes of Kalshi's Trade API v2 as the simulator answers them: snake_case names,
 * dollars as fixed-point strings ({@code *_dollars}), counts as two-decimal strings ({@code *_fp}).
 */
public final class KalshiViews {

    private KalshiViews() {
    }

    /**
     * A market with every field Kalshi's {@code Market} schema requires. The simulator keeps no
     * history of a day, so the {@code previous_*} prices are today's; a market is created at its open.
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Market(String ticker, String eventTicker, String marketType, String title, String yesSubTitle,
            String noSubTitle, Instant createdTime, Instant updatedTime, String status,
            Instant openTime, Instant closeTime, Instant expectedExpirationTime, Instant latestExpirationTime,
            int settlementTimerSeconds, Money notionalValueDollars, Price yesBidDollars,
            Price yesAskDollars, Price noBidDollars, Price noAskDollars, Contracts yesBidSizeFp,
            Contracts yesAskSizeFp, Price lastPriceDollars, Price previousYesBidDollars, Price previousYesAskDollars,
            Price previousPriceDollars, Contracts volumeFp, @JsonProperty("volume_24h_fp") Contracts volume24hFp,
            Contracts openInterestFp, String result, boolean canCloseEarly, String expirationValue,
            String rulesPrimary, String rulesSecondary, String priceLevelStructure,
            List<PriceRange> priceRanges, int exchangeIndex) {

        static Market of(SimMarket market, Optional<Price> bestBid, Optional<Price> bestAsk,
                Contracts bidSize, Contracts askSize) {
            Price yesBid = bestBid.orElse(Price.ZERO);
            Price yesAsk = bestAsk.orElse(Price.ONE);
            Price last = market.lastPrice().orElse(Price.ZERO);
            return new Market(market.ticker(), market.eventTicker(), "binary", market.title(), market.title(),
                    market.title(), market.openTime(), market.openTime(),
                    market.status().name().toLowerCase(Locale.ROOT), market.openTime(), market.closeTime(),
                    market.closeTime(), market.closeTime(), 0, Money.parse("1.00"), yesBid, yesAsk, yesAsk.complement(),
                    yesBid.complement(), bidSize, askSize, last, yesBid, yesAsk, last, market.volume(), market.volume(),
                    Contracts.ZERO, market.result().orElse(""), false, market.result().orElse(""),
                    "Resolves as the paper scenario scripts it: " + market.title(), "", market.priceLevelStructure(),
                    market.grid().bands().stream().map(b -> new PriceRange(b.start(), b.end(), b.step())).toList(),
                    market.shard());
        }
    }

    /** A band of valid prices: from {@code start} to {@code end} in steps of {@code step}. */
    public record PriceRange(Price start, Price end, Price step) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Order(String orderId, String userId, String clientOrderId, String ticker, String outcomeSide,
            String bookSide, String type, String status, Price yesPriceDollars, Price noPriceDollars, Contracts initialCountFp,
            Contracts fillCountFp, Contracts remainingCountFp, Money takerFeesDollars, Money makerFeesDollars,
            Money takerFillCostDollars, Money makerFillCostDollars, Instant createdTime, Instant lastUpdateTime,
            Instant expirationTime) {

        static Order of(SimOrder order) {
            return new Order(order.orderId(), order.accountId(), order.clientOrderId().orElse(""), order.ticker(),
                    order.side().outcomeSide(), wire(order.side()), "limit", order.status().name().toLowerCase(Locale.ROOT),
                    order.yesPrice(), order.yesPrice().complement(), order.initialCount(), order.filledCount(),
                    order.remainingCount(), order.takerFees(), order.makerFees(), order.takerFillCost(),
                    order.makerFillCost(), order.createdAt(), order.updatedAt(), null);
        }
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Fill(String fillId, String tradeId, String orderId, String ticker, String marketTicker,
            int exchangeIndex, String outcomeSide, String bookSide, Contracts countFp, Price yesPriceDollars,
            Price noPriceDollars, boolean isTaker, Money feeCost, Instant createdTime, long ts) {

        static Fill of(SimFill fill, int shard) {
            return new Fill(fill.fillId(), fill.tradeId(), fill.orderId(), fill.ticker(), fill.ticker(), shard,
                    fill.side().outcomeSide(), wire(fill.side()), fill.count(), fill.yesPrice(), fill.noPrice(),
                    fill.taker(), fill.fee(), fill.createdAt(), fill.createdAt().getEpochSecond());
        }
    }

    /** A position: {@code market_exposure} is what the contracts held cost, realized P&amp;L is fees apart. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record MarketPosition(String ticker, int exchangeIndex, String positionFp, Money marketExposureDollars,
            Money realizedPnlDollars, Money feesPaidDollars, Money totalTradedDollars, Instant lastUpdatedTs) {

        static MarketPosition of(String ticker, int shard, SimAccount.MarketPosition position) {
            String sign = position.netHundredths() < 0 ? "-" : "";
            return new MarketPosition(ticker, shard, sign + position.size(), position.cost(), position.realizedPnl(),
                    position.feesPaid(), position.totalTraded(), position.lastUpdated());
        }
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CreatedOrder(String orderId, String clientOrderId, Contracts fillCount, Contracts remainingCount,
            Price averageFillPrice, Money averageFeePaid, long tsMs) {
    }

    static String wire(BookSide side) {
        return side.name().toLowerCase(Locale.ROOT);
    }
}
