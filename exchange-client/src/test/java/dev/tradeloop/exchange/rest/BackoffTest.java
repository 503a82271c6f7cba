package dev.tradeloop.exchange.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** A refused request comes back later each time, at a jittered moment. */
class BackoffTest {

    @Test
    void each_try_waits_twice_as_long_plus_up_to_as_much_again() {
        Random random = new Random(7);
        for (int attempt = 0; attempt < 3; attempt++) {
            long base = 250L << attempt;
            Duration wait = KalshiClient.backoff(attempt, true, random);
            assertThat(wait.toMillis()).isBetween(base, 2 * base);
        }
        assertThat(KalshiClient.backoff(0, false, new Random(1)).toMillis()).isBetween(200L, 400L);
    }

    @Test
    void clients_refused_together_do_not_come_back_together() {
        Random random = new Random(42);
        long distinct = IntStream.range(0, 20).mapToObj(i -> KalshiClient.backoff(1, true, random)).distinct().count();

        assertThat(distinct).isGreaterThan(15);
    }
}
