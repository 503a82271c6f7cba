package dev.tradeloop.risk;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HoldingsCheckTest {

    private static final Instant T0 = Instant.parse("2026-12-02T10:00:00Z");
    private final HoldingsCheck check = new HoldingsCheck(Duration.ofSeconds(60));

    private static Map<String, BigDecimal> held(String market, String net) {
        return Map.of(market, new BigDecimal(net));
    }

    @Test
    void agreeing_holdings_are_no_mismatch() {
        assertThat(check.lasting(held("KXA", "10"), held("KXA", "10.00"), T0)).isEmpty();
        assertThat(check.lasting(held("KXA", "10"), held("KXA", "10"), T0.plusSeconds(120))).isEmpty();
    }

    @Test
    void contracts_on_the_exchange_no_position_accounts_for_are_a_mismatch_once_they_last_a_minute() {
        assertThat(check.lasting(held("KXA", "10"), Map.of(), T0)).isEmpty();
        assertThat(check.lasting(held("KXA", "10"), Map.of(), T0.plusSeconds(59))).isEmpty();

        assertThat(check.lasting(held("KXA", "10"), Map.of(), T0.plusSeconds(60))).singleElement()
                .hasToString("KXA: the exchange holds 10, the positions 0");
    }

    @Test
    void a_position_the_exchange_does_not_hold_is_a_mismatch_too_no_held_on_the_other_side() {
        check.lasting(Map.of(), held("KXB", "-5"), T0);
        assertThat(check.lasting(Map.of(), held("KXB", "-5"), T0.plusSeconds(90))).singleElement()
                .hasToString("KXB: the exchange holds 0, the positions -5");
    }

    @Test
    void a_difference_whose_figures_move_is_a_fill_in_flight_and_is_timed_again() {
        check.lasting(held("KXA", "10"), Map.of(), T0);
        assertThat(check.lasting(held("KXA", "20"), held("KXA", "10"), T0.plusSeconds(60))).isEmpty();
        assertThat(check.lasting(held("KXA", "20"), held("KXA", "10"), T0.plusSeconds(120))).hasSize(1);
    }

    @Test
    void a_difference_that_went_away_starts_over_when_it_comes_back() {
        check.lasting(held("KXA", "10"), Map.of(), T0);
        check.lasting(held("KXA", "10"), held("KXA", "10"), T0.plusSeconds(30));
        assertThat(check.lasting(held("KXA", "10"), Map.of(), T0.plusSeconds(70))).isEmpty();
    }
}
