package dev.tradeloop.events.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Every structure of Kalshi's fixed-point migration guide, and the snapping a buy and a sell need. */
class PriceGridTest {

    @ParameterizedTest(name = "{0}: {1} valid={2}, buy at {3}, sell at {4}")
    @CsvSource({
        // structure,                   price,    valid, at or below, at or above
        "linear_cent,                   0.4300,   true,  0.4300, 0.4300",
        "linear_cent,                   0.4250,   false, 0.4200, 0.4300",
        "linear_cent,                   0.0050,   false, ,       0.0100",
        "linear_cent,                   0.9950,   false, 0.9900, ",
        "deci_cent,                     0.4251,   false, 0.4250, 0.4260",
        "deci_cent,                     0.0010,   true,  0.0010, 0.0010",
        "tapered_deci_cent,             0.0550,   true,  0.0550, 0.0550",
        "tapered_deci_cent,             0.4250,   false, 0.4200, 0.4300",
        "tapered_deci_cent,             0.9050,   true,  0.9050, 0.9050",
        "tapered_deci_cent,             0.1005,   false, 0.1000, 0.1100",
        "tapered_deci_cent,             0.8995,   false, 0.8900, 0.9000",
        "center_whole_edge_half_cent,   0.0730,   false, 0.0700, 0.0750",
        "center_whole_edge_half_cent,   0.5050,   false, 0.5000, 0.5100",
        "center_whole_edge_quint_cent,  0.0930,   false, 0.0920, 0.0940",
        "center_whole_edge_quint_cent,  0.9950,   false, 0.9940, 0.9960",
        "center_half_edge_half_cent,    0.4270,   false, 0.4250, 0.4300",
        "center_half_edge_quint_cent,   0.5030,   false, 0.5000, 0.5050",
        "center_half_edge_quint_cent,   0.0510,   false, 0.0500, 0.0520",
        "center_half_edge_deci_cent,    0.0515,   false, 0.0510, 0.0520",
        "center_half_edge_deci_cent,    0.6550,   true,  0.6550, 0.6550",
        "center_quint_edge_quint_cent,  0.4210,   false, 0.4200, 0.4220",
        "center_quint_edge_deci_cent,   0.4210,   false, 0.4200, 0.4220",
        "center_quint_edge_deci_cent,   0.0515,   false, 0.0510, 0.0520",
        "center_centi_edge_centi_cent,  0.42345,  false, 0.4234, 0.4235",
        "center_deci_edge_centi_cent,   0.00555,  false, 0.0055, 0.0056",
        "center_deci_edge_centi_cent,   0.4215,   false, 0.4210, 0.4220",
        "center_deci_edge_centi_cent,   0.9955,   true,  0.9955, 0.9955",
    })
    void snaps_a_buy_down_and_a_sell_up_onto_the_grid(String structure, String price, boolean valid,
            String atOrBelow, String atOrAbove) {
        PriceGrid grid = PriceGrid.named(structure);
        Price asked = Price.parse(price);

        assertThat(grid.isValid(asked)).isEqualTo(valid);
        assertThat(grid.atOrBelow(asked).map(Price::toString).orElse(null)).isEqualTo(atOrBelow);
        assertThat(grid.atOrAbove(asked).map(Price::toString).orElse(null)).isEqualTo(atOrAbove);
    }

    @Test
    void whole_cents_are_valid_in_every_structure_and_zero_and_one_in_none() {
        for (String structure : List.of("linear_cent", "deci_cent", "tapered_deci_cent", "center_whole_edge_half_cent",
                "center_whole_edge_quint_cent", "center_half_edge_half_cent", "center_half_edge_quint_cent",
                "center_half_edge_deci_cent", "center_quint_edge_quint_cent", "center_quint_edge_deci_cent",
                "center_centi_edge_centi_cent", "center_deci_edge_centi_cent")) {
            PriceGrid grid = PriceGrid.named(structure);
            for (int cents = 1; cents <= 99; cents++) {
                assertThat(grid.isValid(Price.ofCents(cents))).as(structure + " at " + cents + " cents").isTrue();
            }
            assertThat(grid.isValid(Price.ZERO)).isFalse();
            assertThat(grid.isValid(Price.ONE)).isFalse();
        }
    }

    @Test
    void a_grid_is_read_from_bands_and_refuses_a_band_without_a_step() {
        PriceGrid published = new PriceGrid(List.of(
                new PriceGrid.Band(Price.parse("0.0000"), Price.parse("0.1000"), Price.parse("0.0010")),
                new PriceGrid.Band(Price.parse("0.1000"), Price.parse("0.9000"), Price.parse("0.0100")),
                new PriceGrid.Band(Price.parse("0.9000"), Price.parse("1.0000"), Price.parse("0.0010"))));

        assertThat(published).isEqualTo(PriceGrid.named("tapered_deci_cent"));
        assertThatThrownBy(() -> new PriceGrid.Band(Price.ZERO, Price.ONE, Price.ZERO))
                .hasMessageContaining("a positive step");
        assertThatThrownBy(() -> PriceGrid.named("quarter_cent")).hasMessageContaining("quarter_cent");
    }

    @Test
    void the_nearest_price_goes_to_the_closer_tick_and_halfway_up() {
        PriceGrid cents = PriceGrid.linearCent();
        assertThat(cents.nearest(Price.parse("0.4240"))).isEqualTo(Price.parse("0.42"));
        assertThat(cents.nearest(Price.parse("0.4260"))).isEqualTo(Price.parse("0.43"));
        assertThat(cents.nearest(Price.parse("0.4250"))).isEqualTo(Price.parse("0.43"));
        assertThat(cents.nearest(Price.ZERO)).isEqualTo(Price.parse("0.01"));
        assertThat(cents.nearest(Price.ONE)).isEqualTo(Price.parse("0.99"));
        assertThat(PriceGrid.named("tapered_deci_cent").lowest()).isEqualTo(Price.parse("0.001"));
        assertThat(PriceGrid.named("tapered_deci_cent").highest()).isEqualTo(Price.parse("0.999"));
    }

    @Test
    void a_grid_in_no_prices_mirrors_the_yes_grid() {
        PriceGrid yes = new PriceGrid(List.of(
                new PriceGrid.Band(Price.parse("0.0000"), Price.parse("0.2000"), Price.parse("0.0010")),
                new PriceGrid.Band(Price.parse("0.2000"), Price.parse("1.0000"), Price.parse("0.0100"))));
        PriceGrid no = yes.mirrored();

        assertThat(no.isValid(Price.parse("0.955"))).isTrue();
        assertThat(yes.isValid(Price.parse("0.045"))).isTrue();
        assertThat(no.isValid(Price.parse("0.045"))).isFalse();
        assertThat(PriceGrid.named("tapered_deci_cent").mirrored().bands())
                .containsExactlyInAnyOrderElementsOf(PriceGrid.named("tapered_deci_cent").bands());
    }
}
