package dev.tradeloop.exchange.rest;

/**
 * Kalshi's rate-limit tiers: tokens per second for reads and for writes; most requests cost 10
 * tokens, a cancel 2. The buckets hold one second of tokens (Kalshi's burst is about 1 to 2 s).
 */
public enum RateLimits {
    BASIC(200, 100),
    ADVANCED(300, 300),
    PREMIER(1000, 1000),
    PRIME(4000, 4000);

    public static final long DEFAULT_COST = 10;
    public static final long CANCEL_COST = 2;

    private final long readTokensPerSecond;
    private final long writeTokensPerSecond;

    RateLimits(long readTokensPerSecond, long writeTokensPerSecond) {
        this.readTokensPerSecond = readTokensPerSecond;
        this.writeTokensPerSecond = writeTokensPerSecond;
    }

    public long readTokensPerSecond() {
        return readTokensPerSecond;
    }

    public long writeTokensPerSecond() {
        return writeTokensPerSecond;
    }
}
