package dev.tradeloop.exchange.feed;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tradeloop.events.money.Contracts;
import dev.tradeloop.events.money.Money;
import dev.tradeloop.events.money.Price;
import java.util.Optional;

/**
 * Reads the WebSocket channel messages Tradeloop uses ({@code orderbook_snapshot},
 * {@code orderbook_delta}, {@code ticker}, {@code fill}, {@code user_order}) from their {@code msg} body into exact
 * types. The feed subscribes with {@code use_yes_price: true} (Kalshi will make it the default,
 * then the only way), so every book price arrives as a YES price; a NO level is turned into its NO
 * price here, explicitly, so the flip changes nothing.
 */
public final class FeedMessages {

    private FeedMessages() {
    }

    /** A book delta: on {@code side} ("yes" or "no"), at that side's {@code price}, a signed change. */
    public record BookDelta(String ticker, String side, Price price, long deltaHundredths, long tsMs) {
    }

    /** The top of a market's book and its activity. */
    public record TickerUpdate(String ticker, Optional<Price> lastPrice, Price yesBid, Price yesAsk,
            Contracts volume, long tsMs) {
    }

    /** One of the account's fills; {@code postPosition} is signed (+ YES, − NO) hundredths. */
    public record FillUpdate(String tradeId, String orderId, String ticker, boolean taker, String outcomeSide,
            String bookSide, Price yesPrice, Contracts count, Money fee, long postPositionHundredths, long tsMs) {
    }

    /** One of the account's orders as it now stands: {@code status} is resting, canceled or executed. */
    public record OrderUpdate(String orderId, String clientOrderId, String ticker, String status, Contracts filled,
            Contracts remaining, long updatedTsMs) {

        public boolean isResting() {
            return status.equals("resting");
        }
    }

    public static OrderUpdate userOrder(JsonNode msg) {
        return new OrderUpdate(msg.path("order_id").asText(), msg.path("client_order_id").asText(),
                msg.path("ticker").asText(), msg.path("status").asText(), Contracts.parse(msg.path("fill_count_fp").asText()),
                Contracts.parse(msg.path("remaining_count_fp").asText()),
                msg.path("last_updated_ts_ms").asLong(msg.path("created_ts_ms").asLong()));
    }

    public static LocalBook snapshot(JsonNode msg) {
        LocalBook book = new LocalBook(msg.path("market_ticker").asText());
        msg.path("yes_dollars_fp").forEach(level -> book.apply("yes", Price.parse(level.get(0).asText()),
                Contracts.parse(level.get(1).asText()).hundredths()));
        msg.path("no_dollars_fp").forEach(level -> book.apply("no", Price.parse(level.get(0).asText()).complement(),
                Contracts.parse(level.get(1).asText()).hundredths()));
        return book;
    }

    /** A delta; its price is the side's own (a NO level's YES price turned into its NO price). */
    public static BookDelta delta(JsonNode msg) {
        String side = msg.path("side").asText();
        Price yesPrice = Price.parse(msg.path("price_dollars").asText());
        return new BookDelta(msg.path("market_ticker").asText(), side,
                side.equals("no") ? yesPrice.complement() : yesPrice, signedHundredths(msg.path("delta_fp").asText()),
                msg.path("ts_ms").asLong());
    }

    public static TickerUpdate ticker(JsonNode msg) {
        String last = msg.path("price_dollars").asText("");
        return new TickerUpdate(msg.path("market_ticker").asText(),
                last.isEmpty() ? Optional.empty() : Optional.of(Price.parse(last)),
                Price.parse(msg.path("yes_bid_dollars").asText()), Price.parse(msg.path("yes_ask_dollars").asText()),
                Contracts.parse(msg.path("volume_fp").asText("0")), msg.path("ts_ms").asLong());
    }

    public static FillUpdate fill(JsonNode msg) {
        return new FillUpdate(msg.path("trade_id").asText(), msg.path("order_id").asText(),
                msg.path("market_ticker").asText(), msg.path("is_taker").asBoolean(), msg.path("outcome_side").asText(),
                msg.path("book_side").asText(), Price.parse(msg.path("yes_price_dollars").asText()),
                Contracts.parse(msg.path("count_fp").asText()), Money.parse(msg.path("fee_cost").asText("0")),
                signedHundredths(msg.path("post_position_fp").asText("0")), msg.path("ts_ms").asLong());
    }

    static long signedHundredths(String text) {
        return text.startsWith("-") ? -Contracts.parse(text.substring(1)).hundredths() : Contracts.parse(text).hundredths();
    }
}
