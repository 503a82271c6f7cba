package dev.tradeloop.exchange.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class TokenBucketTest {

    /** A clock that only moves when the bucket parks. */
    private static final class FakeTicker implements TokenBucket.Ticker {
        long now;

        @Override
        public long nanoTime() {
            return now;
        }

        @Override
        public void park(long nanos) {
            now += nanos;
        }
    }

    @Test
    void a_full_bucket_lets_a_burst_through_then_paces_to_the_refill_rate() throws Exception {
        FakeTicker ticker = new FakeTicker();
        TokenBucket writes = RateLimits.BASIC.writeBucket(ticker); // 100 tokens/s, 10 per order

        for (int i = 0; i < 10; i++) {
            assertThat(writes.acquire(RateLimits.DEFAULT_COST)).isEqualTo(Duration.ZERO);
        }
        Duration waited = writes.acquire(RateLimits.DEFAULT_COST);

        assertThat(waited).isEqualTo(Duration.ofMillis(100));
    }

    @Test
    void over_a_long_run_no_more_than_the_rate_goes_out() throws Exception {
        FakeTicker ticker = new FakeTicker();
        TokenBucket reads = RateLimits.BASIC.readBucket(ticker); // 200 tokens/s = 20 reads/s

        for (int i = 0; i < 220; i++) {
            reads.acquire(RateLimits.DEFAULT_COST);
        }

        // 20 in the first burst, the other 200 at 20 a second: 10 seconds.
        assertThat(Duration.ofNanos(ticker.now)).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void a_cost_larger_than_the_bucket_is_refused() {
        TokenBucket bucket = new TokenBucket(5, 5, new FakeTicker());

        assertThatThrownBy(() -> bucket.acquire(6)).isInstanceOf(IllegalArgumentException.class);
    }
}
