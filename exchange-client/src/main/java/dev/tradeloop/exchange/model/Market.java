package dev.tradeloop.exchange.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.tradeloop.events.money.Contracts;
import dev.tradeloop.events.Side;
import dev.tradeloop.events.money.Price;
import dev.tradeloop.events.money.PriceGrid;
import java.time.Instant;
import java.util.List;

/** A market as {@code GET /markets} returns it; the fields Tradeloop uses. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Market(
        String ticker,
        String eventTicker,
        String title,
        String status,
        Instant openTime,
        Instant closeTime,
        Price yesBidDollars,
        Price yesAskDollars,
        Price noBidDollars,
        Price noAskDollars,
        Price lastPriceDollars,
        Contracts volumeFp,
        @JsonProperty("volume_24h_fp") Contracts volume24hFp,
        String result,
        String priceLevelStructure,
        List<PriceRange> priceRanges,
        Integer exchangeIndex) {

    /** A band of valid order prices. */
    public record PriceRange(Price start, Price end, Price step) {
    }

    /**
     * The prices an order on {@code side} may carry, in that side's prices: the grid Kalshi
     * publishes in {@code price_ranges} (its source of truth, in YES prices), or whole cents, valid
     * in every structure, when a market publishes none.
     */
    public PriceGrid priceGrid(Side side) {
        PriceGrid yes = priceRanges == null || priceRanges.isEmpty() ? PriceGrid.linearCent()
                : new PriceGrid(priceRanges.stream()
                        .map(range -> new PriceGrid.Band(range.start(), range.end(), range.step())).toList());
        return side == Side.YES ? yes : yes.mirrored();
    }

    /** The exchange shard the market trades on ({@code exchange_index}); 0, the default shard, when absent. */
    public int shard() {
        return exchangeIndex == null ? 0 : exchangeIndex;
    }

    /** Kalshi has the market deactivated ({@code inactive}): paused, not closed; it takes cancels, no orders. */
    public boolean isPaused() {
        return "inactive".equals(status);
    }

    /** Kalshi says {@code active} for a market that trades. */
    public boolean isOpen() {
        return "active".equals(status) || "open".equals(status);
    }
}
