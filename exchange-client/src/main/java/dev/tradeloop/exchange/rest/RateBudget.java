package dev.tradeloop.exchange.rest;

import dev.tradeloop.exchange.model.AccountLimits;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * What one client may spend of the account's rate limits: a read and a write token bucket, each a
 * refill rate (tokens a second) and a capacity. Kalshi meters the account, not the connection, so
 * every service of an account takes a share of the tier's budgets ({@link #shareOf}) and the shares
 * add up to at most the whole: together they never earn a 429.
 */
public record RateBudget(long readPerSecond, long readCapacity, long writePerSecond, long writeCapacity) {

    public RateBudget {
        if (readPerSecond < 1 || writePerSecond < 1 || readCapacity < RateLimits.DEFAULT_COST
                || writeCapacity < RateLimits.DEFAULT_COST) {
            throw new IllegalArgumentException("a budget needs at least one token a second and room for one request: "
                    + "reads " + readPerSecond + "/s (" + readCapacity + "), writes " + writePerSecond + "/s ("
                    + writeCapacity + ")");
        }
    }

    /** A whole tier's budgets, one second of burst. */
    public static RateBudget of(RateLimits tier) {
        return new RateBudget(tier.readTokensPerSecond(), tier.readTokensPerSecond(), tier.writeTokensPerSecond(),
                tier.writeTokensPerSecond());
    }

    /** The account's budgets as {@code GET /account/limits} reports them. */
    public static RateBudget of(AccountLimits limits) {
        return new RateBudget(limits.read().refillRate(), limits.read().bucketCapacity(), limits.write().refillRate(),
                limits.write().bucketCapacity());
    }

    /** This budget's share: {@code readShare} of the reads, {@code writeShare} of the writes, each in (0, 1]. */
    public RateBudget share(BigDecimal readShare, BigDecimal writeShare) {
        return new RateBudget(part(readPerSecond, readShare), Math.max(RateLimits.DEFAULT_COST, part(readCapacity, readShare)),
                part(writePerSecond, writeShare), Math.max(RateLimits.DEFAULT_COST, part(writeCapacity, writeShare)));
    }

    private static long part(long whole, BigDecimal share) {
        if (share.signum() <= 0 || share.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("a share is more than 0 and at most 1, not " + share);
        }
        return Math.max(1, BigDecimal.valueOf(whole).multiply(share).setScale(0, RoundingMode.FLOOR).longValueExact());
    }

    TokenBucket readBucket(TokenBucket.Ticker ticker) {
        return new TokenBucket(readCapacity, readPerSecond, ticker);
    }

    TokenBucket writeBucket(TokenBucket.Ticker ticker) {
        return new TokenBucket(writeCapacity, writePerSecond, ticker);
    }
}
