package dev.tradeloop.exit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradeloop.events.ExitPriority;
import dev.tradeloop.events.Side;
import dev.tradeloop.events.money.Contracts;
import dev.tradeloop.events.money.Price;
import dev.tradeloop.events.money.PriceGrid;
import dev.tradeloop.exchange.model.OrderBookSnapshot;
import dev.tradeloop.exchange.model.OrderBookSnapshot.Level;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExitPricingTest {

    private static HeldBook book(String bid, String ask) {
        return new HeldBook(Price.parse(bid), Price.parse(ask), PriceGrid.linearCent());
    }

    private static HeldBook book(String bid, String ask, String structure) {
        return new HeldBook(Price.parse(bid), Price.parse(ask), PriceGrid.named(structure));
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
    void high_starts_aggressively_at_the_greater_of_a_cent_under_the_bid_and_two_percent_under_it_rounded_up() {
        // 0.48 × 0.98 = 0.4704 > 0.47, up to the grid: 0.48
        assertThat(ExitPricing.start(ExitPriority.HIGH, book("0.48", "0.50"))).isEqualTo(price("0.48"));
        // 0.30 × 0.98 = 0.294 > 0.29: a sale never goes under its rule, so 0.30, not 0.29
        assertThat(ExitPricing.start(ExitPriority.HIGH, book("0.30", "0.32"))).isEqualTo(price("0.30"));
        // 0.70 × 0.98 = 0.686 < 0.69 = 0.70 − 0.01
        assertThat(ExitPricing.start(ExitPriority.HIGH, book("0.70", "0.72"))).isEqualTo(price("0.69"));
        // on a deci-cent grid the rule's price is itself valid
        assertThat(ExitPricing.start(ExitPriority.HIGH, book("0.480", "0.500", "deci_cent"))).isEqualTo(price("0.471"));
    }

    @Test
    void medium_starts_at_the_middle_rounded_up_to_the_grid() {
        assertThat(ExitPricing.start(ExitPriority.MEDIUM, book("0.40", "0.44"))).isEqualTo(price("0.42"));
        assertThat(ExitPricing.start(ExitPriority.MEDIUM, book("0.40", "0.43"))).isEqualTo(price("0.42"));
        assertThat(ExitPricing.start(ExitPriority.MEDIUM, book("0.400", "0.403", "deci_cent"))).isEqualTo(price("0.402"));
        assertThat(ExitPricing.start(ExitPriority.MEDIUM, book("0.050", "0.053", "tapered_deci_cent")))
                .isEqualTo(price("0.052"));
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
    void the_floor_goes_to_the_nearest_valid_price_that_still_crosses_the_bid() {
        // 0.095 − 0.010 = 0.085 is valid on the half-cent edge
        assertThat(ExitPricing.floor(book("0.095", "0.105", "center_whole_edge_half_cent"))).isEqualTo(price("0.085"));
        // 0.12 − 0.015 = 0.105 is halfway between 0.10 and 0.11 in the whole-cent center: the higher
        assertThat(ExitPricing.floor(book("0.12", "0.135", "center_whole_edge_half_cent"))).isEqualTo(price("0.11"));
        // 0.104 − 0.003 = 0.101 is valid at a tenth of a cent; on a whole-cent center 0.106 goes to 0.11
        assertThat(ExitPricing.floor(book("0.104", "0.107", "deci_cent"))).isEqualTo(price("0.101"));
        assertThat(ExitPricing.floor(book("0.11", "0.114", "tapered_deci_cent"))).isEqualTo(price("0.11"));
        // never under the grid's lowest price
        assertThat(ExitPricing.floor(book("0.002", "0.009", "tapered_deci_cent"))).isEqualTo(price("0.001"));
    }

    @Test
    void a_walk_on_a_sub_penny_grid_lands_on_the_grid() {
        HeldBook book = book("0.0950", "0.1200", "tapered_deci_cent");
        // 0.115 − 0.01 = 0.105 is off the whole-cent center: up to 0.11
        assertThat(ExitPricing.walk(price("0.115"), 1, book)).isEqualTo(price("0.11"));
        // 0.10 − 0.02 = 0.08 is valid and above the floor 0.095 − 0.025 = 0.070
        assertThat(ExitPricing.walk(price("0.10"), 2, book)).isEqualTo(price("0.08"));
        // 0.08 − 0.03 = 0.05 is under the floor: the floor
        assertThat(ExitPricing.walk(price("0.08"), 3, book)).isEqualTo(price("0.070"));
    }

    @Test
    void the_book_of_a_no_position_is_read_in_no_prices() {
        OrderBookSnapshot snapshot = new OrderBookSnapshot(List.of(new Level(price("0.40"), Contracts.whole(5))),
                List.of(new Level(price("0.50"), Contracts.whole(3)), new Level(price("0.55"), Contracts.whole(7))));
        assertThat(HeldBook.of(snapshot, Side.NO, PriceGrid.linearCent())).contains(book("0.55", "0.60"));
        assertThat(HeldBook.of(snapshot, Side.YES, PriceGrid.linearCent())).contains(book("0.40", "0.45"));
    }

    @Test
    void a_one_sided_book_is_no_price() {
        OrderBookSnapshot noBids = new OrderBookSnapshot(List.of(),
                List.of(new Level(price("0.55"), Contracts.whole(7))));
        assertThat(HeldBook.of(noBids, Side.YES, PriceGrid.linearCent())).isEmpty();
        assertThat(HeldBook.of(noBids, Side.NO, PriceGrid.linearCent())).isEmpty();
    }
}
