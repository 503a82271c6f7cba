package dev.tradeloop.sim.auth;

import dev.tradeloop.exchange.rest.TokenBucket;
import dev.tradeloop.sim.config.SimConfig;
import dev.tradeloop.sim.config.UsageTier;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Each account's read and write token buckets, at the configured usage tier. */
@ApplicationScoped
public class AccountBudgets {

    private final UsageTier tier;
    private final Map<String, TokenBucket[]> buckets = new ConcurrentHashMap<>();

    public AccountBudgets(SimConfig config) {
        try {
            this.tier = UsageTier.named(config.usageTier());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("tradeloop.sim.usage-tier: " + e.getMessage(), e);
        }
    }

    public UsageTier tier() {
        return tier;
    }

    /** Takes {@code cost} tokens from the account's write or read bucket if it holds them; else nothing. */
    public boolean take(String account, boolean write, long cost) {
        TokenBucket[] mine = buckets.computeIfAbsent(account, id -> new TokenBucket[] {
                new TokenBucket(tier.readCapacity(), tier.readPerSecond(), TokenBucket.SYSTEM),
                new TokenBucket(tier.writeCapacity(), tier.writePerSecond(), TokenBucket.SYSTEM)});
        return mine[write ? 1 : 0].tryAcquire(cost);
    }
}
