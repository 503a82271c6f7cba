package dev.tradeloop.exchange.rest;

import java.time.Duration;

/**
 * A token bucket as Kalshi meters its API: each request costs tokens, the bucket refills at a
 * steady rate up to its capacity. {@link #acquire} waits until the tokens are there, so the client
 * paces itself and never earns a 429 on its own.
 */
public final class TokenBucket {

    private final long capacity;
    private final double refillPerNano;
    private final Ticker ticker;
    private double tokens;
    private long last;

    /** The time source and the way of waiting; a test replaces both. */
    public interface Ticker {
        long nanoTime();

        void park(long nanos) throws InterruptedException;
    }

    static final Ticker SYSTEM = new Ticker() {
        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public void park(long nanos) throws InterruptedException {
            Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
        }
    };

    public TokenBucket(long capacity, long refillPerSecond, Ticker ticker) {
        this.capacity = capacity;
        this.refillPerNano = refillPerSecond / (double) Duration.ofSeconds(1).toNanos();
        this.ticker = ticker;
        this.tokens = capacity;
        this.last = ticker.nanoTime();
    }

    /** Takes {@code cost} tokens, waiting as long as the refill needs; returns how long it waited. */
    public synchronized Duration acquire(long cost) throws InterruptedException {
        if (cost > capacity) {
            throw new IllegalArgumentException("a cost of " + cost + " can never fit a bucket of " + capacity);
        }
        long waited = 0;
        refill();
        while (tokens < cost) {
            long wait = (long) Math.ceil((cost - tokens) / refillPerNano);
            ticker.park(wait);
            waited += wait;
            refill();
        }
        tokens -= cost;
        return Duration.ofNanos(waited);
    }

    private void refill() {
        long now = ticker.nanoTime();
        tokens = Math.min(capacity, tokens + (now - last) * refillPerNano);
        last = now;
    }
}
