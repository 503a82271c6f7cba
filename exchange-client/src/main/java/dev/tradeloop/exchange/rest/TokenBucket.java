package dev.tradeloop.exchange.rest;

import java.time.Duration;

/**
 * A token bucket as Kalshi meters its API: each request costs tokens, the bucket refills at a
 * steady rate up to its capacity. {@link #acquire} waits until the tokens are there, so the client
 * paces itself and never earns a 429 on its own. Counted exactly, in token-nanoseconds.
 */
public final class TokenBucket {

    private static final long NANOS = Duration.ofSeconds(1).toNanos();

    private final long capacityScaled;
    private final long refillPerSecond;
    private final Ticker ticker;
    private long tokensScaled;
    private long last;

    /** The time source and the way of waiting; a test replaces both. */
    public interface Ticker {
        long nanoTime();

        void park(long nanos) throws InterruptedException;
    }

    public static final Ticker SYSTEM = new Ticker() {
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
        this.capacityScaled = Math.multiplyExact(capacity, NANOS);
        this.refillPerSecond = refillPerSecond;
        this.ticker = ticker;
        this.tokensScaled = capacityScaled;
        this.last = ticker.nanoTime();
    }

    /** Takes {@code cost} tokens, waiting as long as the refill needs; returns how long it waited. */
    public synchronized Duration acquire(long cost) throws InterruptedException {
        long costScaled = Math.multiplyExact(cost, NANOS);
        if (costScaled > capacityScaled) {
            throw new IllegalArgumentException("a cost of " + cost + " can never fit a bucket of " + capacityScaled / NANOS);
        }
        long waited = 0;
        refill();
        while (tokensScaled < costScaled) {
            long wait = (costScaled - tokensScaled + refillPerSecond - 1) / refillPerSecond;
            ticker.park(wait);
            waited += wait;
            refill();
        }
        tokensScaled -= costScaled;
        return Duration.ofNanos(waited);
    }

    /** Takes {@code cost} tokens if the bucket holds them now (an exchange metering a request); else takes none. */
    public synchronized boolean tryAcquire(long cost) {
        refill();
        long costScaled = Math.multiplyExact(cost, NANOS);
        if (tokensScaled < costScaled) {
            return false;
        }
        tokensScaled -= costScaled;
        return true;
    }

    private void refill() {
        long now = ticker.nanoTime();
        long elapsed = Math.min(now - last, capacityScaled / Math.max(1, refillPerSecond) + 1);
        tokensScaled = Math.min(capacityScaled, tokensScaled + elapsed * refillPerSecond);
        last = now;
    }
}
