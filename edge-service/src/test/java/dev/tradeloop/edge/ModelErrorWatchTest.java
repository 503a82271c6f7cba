package dev.tradeloop.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ModelErrorWatchTest {

    private static final Instant T0 = Instant.parse("2026-11-24T14:00:00Z");
    private final ModelErrorWatch watch = new ModelErrorWatch(5, Duration.ofMinutes(10));

    @Test
    void the_fifth_error_within_ten_minutes_raises_one_alert() {
        for (int i = 0; i < 4; i++) {
            assertThat(watch.record(T0.plusSeconds(60L * i))).isEmpty();
        }
        assertThat(watch.record(T0.plusSeconds(300))).contains(5);
        assertThat(watch.record(T0.plusSeconds(310))).isEmpty();
    }

    @Test
    void errors_spread_wider_than_the_window_raise_nothing() {
        for (int i = 0; i < 10; i++) {
            assertThat(watch.record(T0.plus(Duration.ofMinutes(3L * i)))).isEmpty();
        }
    }

    @Test
    void a_model_still_failing_a_window_later_raises_a_second_alert() {
        for (int i = 0; i < 5; i++) {
            watch.record(T0.plusSeconds(i));
        }
        Instant later = T0.plus(Duration.ofMinutes(11));
        Optional<Integer> second = Optional.empty();
        for (int i = 0; i < 5 && second.isEmpty(); i++) {
            second = watch.record(later.plusSeconds(i));
        }
        assertThat(second).contains(5);
    }
}
