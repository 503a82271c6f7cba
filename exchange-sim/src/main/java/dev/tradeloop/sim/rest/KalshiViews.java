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

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Market(String ticker, String eventTicker, String marketType, String title, String status,
            Instant openTime, Instant closeTime, Instant expectedExpirationTime, Price yesBidDollars,
            Price yesAskDollars, Price noBidDollars, Price noAskDollars, Contracts yesBidSizeFp,
            Contracts yesAskSizeFp, Price lastPriceDollars, Contracts volumeFp, @JsonProperty("volume_24h_fp") Contracts volume24hFp,
            Contracts openInterestFp, String result, boolean canCloseEarly, String priceLevelStructure,
            List<PriceRange> priceRanges, int exchangeIndex) {

        static Market of(SimMarket market, Optional<Price> bestBid, Optional<Price> bestAsk,
                Contracts bidSize, Contracts askSize) {
            Price yesBid = bestBid.orElse(Price.ZERO);
            Price yesAsk = bestAsk.orElse(Price.ONE);
            return new Market(market.ticker(), market.eventTicker(), "binary", market.title(),
                    market.status().name().toLowerCase(Locale.ROOT), market.openTime(), market.closeTime(),
                    market.closeTime(), yesBid, yesAsk, yesAsk.complement(), yesBid.complement(), bidSize, askSize,
                    market.lastPrice().orElse(Price.ZERO), market.volume(), market.volume(), Contracts.ZERO,
                    market.result().orElse(""), false, market.priceLevelStructure(),
                    market.grid().bands().stream().map(b -> new PriceRange(b.start(), b.end(), b.step())).toList(),
                    market.shard());
        }
    }

    /** A band of valid prices: from {@code start} to {@code end} in steps of {@code step}. */
    public record PriceRange(Price start, Price end, Price step) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Order(String orderId, String clientOrderId, String ticker, String outcomeSide, String bookSide,
            String status, Price yesPriceDollars, Price noPriceDollars, Contracts initialCountFp,
            Contracts fillCountFp, Contracts remainingCountFp, Money takerFeesDollars, Money makerFeesDollars,
            Money takerFillCostDollars, Money makerFillCostDollars, Instant createdTime, Instant lastUpdateTime,
            Instant expirationTime) {

        static Order of(SimOrder order) {
            return new Order(order.orderId(), order.clientOrderId().orElse(""), order.ticker(),
                    order.side().outcomeSide(), wire(order.side()), order.status().name().toLowerCase(Locale.ROOT),
                    order.yesPrice(), order.yesPrice().complement(), order.initialCount(), order.filledCount(),
                    order.remainingCount(), order.takerFees(), order.makerFees(), order.takerFillCost(),
                    order.makerFillCost(), order.createdAt(), order.updatedAt(), null);
        }
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Fill(String fillId, String tradeId, String orderId, String ticker, String outcomeSide,
            String bookSide, Contracts countFp, Price yesPriceDollars, Price noPriceDollars, boolean isTaker,
            Money feeCost, Instant createdTime, long ts) {

        static Fill of(SimFill fill) {
            return new Fill(fill.fillId(), fill.tradeId(), fill.orderId(), fill.ticker(), fill.side().outcomeSide(),
                    wire(fill.side()), fill.count(), fill.yesPrice(), fill.noPrice(), fill.taker(), fill.fee(),
                    fill.createdAt(), fill.createdAt().getEpochSecond());
        }
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record MarketPosition(String ticker, String positionFp, Money marketExposureDollars,
            Money realizedPnlDollars, Money feesPaidDollars, Money totalTradedDollars) {

        static MarketPosition of(String ticker, SimAccount.MarketPosition position, Price yesMark) {
            String sign = position.netHundredths() < 0 ? "-" : "";
            Price held = position.netHundredths() < 0 ? yesMark.complement() : yesMark;
            return new MarketPosition(ticker, sign + position.size(), held.times(position.size()), Money.ZERO,
                    position.feesPaid(), position.totalTraded());
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
