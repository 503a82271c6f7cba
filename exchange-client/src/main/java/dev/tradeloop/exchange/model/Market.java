package dev.tradeloop.exchange.model;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.tradeloop.events.money.Contracts;
import dev.tradeloop.events.money.Price;
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
        Contracts volume24hFp,
        String result,
        String priceLevelStructure,
        List<PriceRange> priceRanges) {

    /** A band of valid order prices. */
    public record PriceRange(Price start, Price end, Price step) {
    }

    /** Kalshi says {@code active} for a market that trades. */
    public boolean isOpen() {
        return "active".equals(status) || "open".equals(status);
    }
}
