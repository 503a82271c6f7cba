package dev.tradeloop.exchange.feed;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tradeloop.events.json.Json;
import dev.tradeloop.events.money.Contracts;
import dev.tradeloop.events.money.Money;
import dev.tradeloop.events.money.Price;
import dev.tradeloop.exchange.model.OrderBookSnapshot;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Kalshi's documented WebSocket messages parse into the feed's types, with every field the project uses. */
class FeedMessagesContractTest {

    private static JsonNode messages;

    @BeforeAll
    static void read() throws Exception {
        messages = Json.mapper().readTree(Files.readString(Path.of("src/test/resources/fixtures/ws-messages.json")));
    }

    private static JsonNode msg(String name) {
        return messages.get(name).get("msg");
    }

    @Test
    void an_order_book_snapshot_gives_both_sides_and_a_missing_side_is_empty() {
        LocalBook book = FeedMessages.snapshot(msg("orderbook_snapshot"));
        LocalBook oneSided = FeedMessages.snapshot(msg("orderbook_snapshot_one_side"));

        assertThat(book.ticker()).isEqualTo("KXHIGHNY-26NOV24-T52");
        assertThat(book.bestYesBid()).contains(Price.parse("0.55"));
        assertThat(book.bestYesAsk()).contains(Price.parse("0.57"));
        assertThat(book.levels("yes")).hasSize(2);
        assertThat(oneSided.bestNoBid()).isEmpty();
    }

    @Test
    void a_delta_is_signed_and_applies_to_the_book() {
        FeedMessages.BookDelta delta = FeedMessages.delta(msg("orderbook_delta"));
        LocalBook book = FeedMessages.snapshot(msg("orderbook_snapshot"));

        book.apply(delta.side(), delta.price(), delta.deltaHundredths());

        assertThat(delta.deltaHundredths()).isEqualTo(-2000);
        assertThat(delta.side()).isEqualTo("yes");
        assertThat(book.levels("yes")).contains(new OrderBookSnapshot.Level(Price.parse("0.55"), Contracts.whole(100)));
    }

    @Test
    void with_use_yes_price_a_no_level_arrives_in_yes_prices_and_is_read_as_its_no_price() {
        LocalBook book = FeedMessages.snapshot(msg("orderbook_snapshot"));
        FeedMessages.BookDelta delta = FeedMessages.delta(msg("orderbook_delta_no_in_yes_prices"));

        book.apply(delta.side(), delta.price(), delta.deltaHundredths());

        // the snapshot's NO level at YES price 0.57 is a NO bid at 0.43; the delta's 0.58 a NO bid at 0.42
        assertThat(book.bestNoBid()).contains(Price.parse("0.43"));
        assertThat(delta.price()).isEqualTo(Price.parse("0.42"));
        assertThat(book.levels("no")).contains(new OrderBookSnapshot.Level(Price.parse("0.42"), Contracts.whole(30)));
    }

    @Test
    void a_ticker_gives_the_top_of_the_book() {
        FeedMessages.TickerUpdate ticker = FeedMessages.ticker(msg("ticker"));

        assertThat(ticker.ticker()).isEqualTo("KXHIGHNY-26NOV24-T52");
        assertThat(ticker.yesBid()).isEqualTo(Price.parse("0.55"));
        assertThat(ticker.yesAsk()).isEqualTo(Price.parse("0.57"));
        assertThat(ticker.lastPrice()).contains(Price.parse("0.56"));
        assertThat(ticker.volume()).isEqualTo(Contracts.whole(15230));
        assertThat(ticker.tsMs()).isEqualTo(1795962605123L);
    }

    @Test
    void a_fill_gives_the_trade_the_fee_and_the_position_after_it() {
        FeedMessages.FillUpdate fill = FeedMessages.fill(msg("fill"));

        assertThat(fill.tradeId()).isEqualTo("5c1e2f7a-0b9d-4c3e-8a61-7d2f4b9e1a05");
        assertThat(fill.orderId()).isEqualTo("ee9a2c4e-5f3b-4a8e-9f1d-2c7b8a6e4d31");
        assertThat(fill.taker()).isTrue();
        assertThat(fill.bookSide()).isEqualTo("ask");
        assertThat(fill.yesPrice()).isEqualTo(Price.parse("0.56"));
        assertThat(fill.count()).isEqualTo(Contracts.whole(4));
        assertThat(fill.fee()).isEqualTo(Money.parse("0.069"));
        assertThat(fill.postPositionHundredths()).isEqualTo(-400);
    }
}
