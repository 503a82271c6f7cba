package dev.tradeloop.exit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradeloop.events.ExitPriority;
import dev.tradeloop.events.Side;
import dev.tradeloop.events.money.Contracts;
import dev.tradeloop.events.money.Price;
import dev.tradeloop.exchange.model.OrderBookSnapshot;
import dev.tradeloop.exchange.model.OrderBookSnapshot.Level;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExitPricingTest {

    private static HeldBook book(String bid, String ask) {
        return new HeldBook(Price.parse(bid), Price.parse(ask));
    }

    private static Price price(String dollars) {
        return Price.parse(dollars);
    }

    @Test
    void the_floor_is_one_spread_under_the_bid_and_never_under_a_cent() {
        assertThat(ExitPricing.floor(book("0.48", "0.50"))).isEqualTo(price("0.46"));
        assertThat(ExitPricing.floor(book("0.40", "0.50"))).isEqualTo(price("0.30"));
        assertThat(ExitPricing.floor(book("0.02", "0.10"))).isEqualTo(price("0.01"));
    }

    @Test
    void critical_sells_at_the_floor() {
        assertThat(ExitPricing.start(ExitPriority.CRITICAL, book("0.48", "0.50"))).isEqualTo(price("0.46"));
        assertThat(ExitPricing.market(book("0.45", "0.50"))).isEqualTo(price("0.40"));
    }

    @Test
    void high_starts_aggressively_at_the_greater_of_a_cent_under_the_bid_and_two_percent_under_it() {
        // 0.48 × 0.98 = 0.4704 → 0.47, and 0.48 − 0.01 = 0.47
        assertThat(ExitPricing.start(ExitPriority.HIGH, book("0.48", "0.50"))).isEqualTo(price("0.47"));
        // 0.20 × 0.98 = 0.196 → 0.20, above 0.19: a low bid keeps its price
        assertThat(ExitPricing.start(ExitPriority.HIGH, book("0.20", "0.22"))).isEqualTo(price("0.20"));
        // 0.70 × 0.98 = 0.686 → 0.69, equal to 0.70 − 0.01
        assertThat(ExitPricing.start(ExitPriority.HIGH, book("0.70", "0.72"))).isEqualTo(price("0.69"));
    }

    @Test
    void medium_starts_at_the_middle_with_a_half_cent_rounded_toward_the_bid() {
        assertThat(ExitPricing.start(ExitPriority.MEDIUM, book("0.40", "0.44"))).isEqualTo(price("0.42"));
        assertThat(ExitPricing.start(ExitPriority.MEDIUM, book("0.40", "0.43"))).isEqualTo(price("0.41"));
    }

    @Test
    void low_starts_at_the_ask() {
        assertThat(ExitPricing.start(ExitPriority.LOW, book("0.40", "0.45"))).isEqualTo(price("0.45"));
    }

    @Test
    void each_walk_goes_lower_by_a_cent_more_than_the_one_before_and_stops_at_the_floor() {
        HeldBook book = book("0.40", "0.50");
        Price walk1 = ExitPricing.walk(price("0.47"), 1, book);
        Price walk2 = ExitPricing.walk(walk1, 2, book);
        Price walk3 = ExitPricing.walk(walk2, 3, book);
        assertThat(List.of(walk1, walk2, walk3)).containsExactly(price("0.46"), price("0.44"), price("0.41"));
        assertThat(ExitPricing.walk(price("0.32"), 3, book)).isEqualTo(price("0.30"));
    }

    @Test
    void the_book_of_a_no_position_is_read_in_no_prices() {
        OrderBookSnapshot snapshot = new OrderBookSnapshot(List.of(new Level(price("0.40"), Contracts.whole(5))),
                List.of(new Level(price("0.50"), Contracts.whole(3)), new Level(price("0.55"), Contracts.whole(7))));
        assertThat(HeldBook.of(snapshot, Side.NO)).contains(book("0.55", "0.60"));
        assertThat(HeldBook.of(snapshot, Side.YES)).contains(book("0.40", "0.45"));
    }

    @Test
    void a_one_sided_book_is_no_price() {
        OrderBookSnapshot noBids = new OrderBookSnapshot(List.of(),
                List.of(new Level(price("0.55"), Contracts.whole(7))));
        assertThat(HeldBook.of(noBids, Side.YES)).isEmpty();
        assertThat(HeldBook.of(noBids, Side.NO)).isEmpty();
    }
}
