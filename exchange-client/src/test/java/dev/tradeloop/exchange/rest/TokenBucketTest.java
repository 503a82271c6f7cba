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
        TokenBucket writes = RateBudget.of(RateLimits.BASIC).writeBucket(ticker); // 100 tokens/s, 10 per order

        for (int i = 0; i < 10; i++) {
            assertThat(writes.acquire(RateLimits.DEFAULT_COST)).isEqualTo(Duration.ZERO);
        }
        Duration waited = writes.acquire(RateLimits.DEFAULT_COST);

        assertThat(waited).isEqualTo(Duration.ofMillis(100));
    }

    @Test
    void over_a_long_run_no_more_than_the_rate_goes_out() throws Exception {
        FakeTicker ticker = new FakeTicker();
        TokenBucket reads = RateBudget.of(RateLimits.BASIC).readBucket(ticker); // 200 tokens/s = 20 reads/s

        for (int i = 0; i < 220; i++) {
            reads.acquire(RateLimits.DEFAULT_COST);
        }

        // 20 in the first burst, the other 200 at 20 a second: 10 seconds.
        assertThat(Duration.ofNanos(ticker.now)).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void services_sharing_an_account_split_its_budget_and_together_stay_within_it() {
        RateBudget account = RateBudget.of(new dev.tradeloop.exchange.model.AccountLimits("basic",
                new dev.tradeloop.exchange.model.AccountLimits.Bucket(200, 400),
                new dev.tradeloop.exchange.model.AccountLimits.Bucket(100, 100)));

        RateBudget edge = account.share(new java.math.BigDecimal("0.4"), new java.math.BigDecimal("0.1"));
        RateBudget order = account.share(new java.math.BigDecimal("0.3"), new java.math.BigDecimal("0.45"));
        RateBudget exit = account.share(new java.math.BigDecimal("0.3"), new java.math.BigDecimal("0.45"));

        assertThat(edge).isEqualTo(new RateBudget(80, 160, 10, 10));
        assertThat(order).isEqualTo(new RateBudget(60, 120, 45, 45));
        assertThat(edge.readPerSecond() + order.readPerSecond() + exit.readPerSecond()).isLessThanOrEqualTo(200);
        assertThat(edge.writePerSecond() + order.writePerSecond() + exit.writePerSecond()).isLessThanOrEqualTo(100);
        assertThatThrownBy(() -> account.share(java.math.BigDecimal.ZERO, java.math.BigDecimal.ONE))
                .hasMessageContaining("more than 0");
    }

    @Test
    void an_exchange_metering_takes_what_the_bucket_holds_and_refuses_the_rest_at_once() {
        FakeTicker ticker = new FakeTicker();
        TokenBucket writes = new TokenBucket(100, 100, ticker);

        for (int i = 0; i < 10; i++) {
            assertThat(writes.tryAcquire(10)).isTrue();
        }

        assertThat(writes.tryAcquire(10)).isFalse();
        assertThat(ticker.now).isZero();
    }

    @Test
    void a_cost_larger_than_the_bucket_is_refused() {
        TokenBucket bucket = new TokenBucket(5, 5, new FakeTicker());

        assertThatThrownBy(() -> bucket.acquire(6)).isInstanceOf(IllegalArgumentException.class);
    }
}
