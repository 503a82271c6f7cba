package dev.tradeloop.sim.config;

import java.util.Locale;
import java.util.Map;

/**
 * A Kalshi API usage tier and its token buckets, as Kalshi's rate-limit guide sets them: the read
 * and write budgets per second; the read buckets of Basic and Advanced hold two seconds, the others
 * one; the write bucket holds one second at Basic and two above it.
 */
public record UsageTier(String name, long readPerSecond, long readCapacity, long writePerSecond, long writeCapacity) {

    private static final Map<String, long[]> BUDGETS = Map.of(
            "basic", new long[] {200, 100},
            "advanced", new long[] {300, 300},
            "expert", new long[] {600, 600},
            "premier", new long[] {1_000, 1_000},
            "paragon", new long[] {2_000, 2_000},
            "prime", new long[] {4_000, 4_000},
            "prestige", new long[] {10_000, 8_000});

    /** The tier called {@code name}; an unknown name is refused with the names there are. */
    public static UsageTier named(String name) {
        String tier = name.toLowerCase(Locale.ROOT);
        long[] budget = BUDGETS.get(tier);
        if (budget == null) {
            throw new IllegalArgumentException("'" + name + "' is not one of " + BUDGETS.keySet());
        }
        boolean twoSecondReads = tier.equals("basic") || tier.equals("advanced");
        return new UsageTier(tier, budget[0], twoSecondReads ? 2 * budget[0] : budget[0], budget[1],
                tier.equals("basic") ? budget[1] : 2 * budget[1]);
    }
}
