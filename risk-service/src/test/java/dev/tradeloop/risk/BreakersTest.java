package dev.tradeloop.risk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradeloop.events.BreakerName;
import dev.tradeloop.events.OperationalError.ErrorKind;
import dev.tradeloop.events.TradingMode;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class BreakersTest {

    private static final Instant T0 = Instant.parse("2026-11-24T14:00:00Z");
    private final Breakers breakers = new Breakers(5, Duration.ofMinutes(5), 3, Duration.ofMinutes(1));

    @Test
    void all_closed_is_active() {
        assertThat(breakers.mode()).isEqualTo(TradingMode.ACTIVE);
        assertThat(breakers.flattenAll()).isFalse();
    }

    @Test
    void the_sixth_api_error_in_five_minutes_pauses_entries_and_it_closes_itself_when_they_clear() {
        for (int i = 0; i < 5; i++) {
            assertThat(breakers.recordError(ErrorKind.EXCHANGE_API, T0.plusSeconds(i), T0.plusSeconds(i))).isEmpty();
        }
        assertThat(breakers.recordError(ErrorKind.EXCHANGE_API, T0.plusSeconds(5), T0.plusSeconds(5))).isPresent();
        assertThat(breakers.mode()).isEqualTo(TradingMode.REDUCE_ONLY);
        assertThat(breakers.flattenAll()).isFalse();

        assertThat(breakers.closeIfCleared(T0.plusSeconds(60))).isEmpty();
        assertThat(breakers.closeIfCleared(T0.plusSeconds(301))).isPresent();
        assertThat(breakers.mode()).isEqualTo(TradingMode.ACTIVE);
    }

    @Test
    void the_fourth_database_error_in_a_minute_halts_everything_until_a_person_resets_it() {
        for (int i = 0; i < 3; i++) {
            breakers.recordError(ErrorKind.DATABASE, T0.plusSeconds(i), T0.plusSeconds(i));
        }
        assertThat(breakers.mode()).isEqualTo(TradingMode.ACTIVE);
        breakers.recordError(ErrorKind.DATABASE, T0.plusSeconds(10), T0.plusSeconds(10));
        assertThat(breakers.mode()).isEqualTo(TradingMode.HALTED);

        assertThat(breakers.closeIfCleared(T0.plus(Duration.ofHours(1)))).isEmpty();
        assertThat(breakers.mode()).isEqualTo(TradingMode.HALTED);
        breakers.reset(BreakerName.DATABASE);
        assertThat(breakers.mode()).isEqualTo(TradingMode.ACTIVE);
    }

    @Test
    void four_database_errors_spread_over_more_than_a_minute_trip_nothing() {
        for (int i = 0; i < 4; i++) {
            breakers.recordError(ErrorKind.DATABASE, T0.plusSeconds(30L * i), T0.plusSeconds(30L * i));
        }
        assertThat(breakers.get(BreakerName.DATABASE).open()).isFalse();
    }

    @Test
    void the_daily_loss_breaker_stops_entries_and_flattens_and_trips_once() {
        assertThat(breakers.tripDailyLoss(T0, "loss 512.00")).isPresent();
        assertThat(breakers.tripDailyLoss(T0.plusSeconds(1), "loss 530.00")).isEmpty();

        assertThat(breakers.mode()).isEqualTo(TradingMode.REDUCE_ONLY);
        assertThat(breakers.flattenAll()).isTrue();
        assertThat(breakers.get(BreakerName.DAILY_LOSS).reason()).contains("loss 512.00");
    }

    @Test
    void the_kill_switch_halts_or_flattens() {
        breakers.killSwitch(Breakers.KillAction.HALT, T0, "bad model");
        assertThat(breakers.mode()).isEqualTo(TradingMode.HALTED);
        assertThat(breakers.flattenAll()).isFalse();

        breakers.killSwitch(Breakers.KillAction.FLATTEN, T0, "get out");
        assertThat(breakers.mode()).isEqualTo(TradingMode.REDUCE_ONLY);
        assertThat(breakers.flattenAll()).isTrue();
    }
}
