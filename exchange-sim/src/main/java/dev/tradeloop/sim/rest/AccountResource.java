package dev.tradeloop.sim.rest;

import dev.tradeloop.sim.config.SimConfig;
import dev.tradeloop.sim.faults.FaultInjected;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code GET /account/limits}: the account's usage tier and its read and write token buckets, as
 * Kalshi's rate-limit guide sets them: the budget per second by tier; read buckets of Basic and
 * Advanced hold two seconds, others one; write buckets hold one second at Basic and two above it.
 */
@FaultInjected
@Path("/trade-api/v2/account")
@Produces(MediaType.APPLICATION_JSON)
public class AccountResource {

    /** Each tier's read and write budget, tokens per second. */
    private static final Map<String, long[]> BUDGETS = Map.of(
            "basic", new long[] {200, 100},
            "advanced", new long[] {300, 300},
            "expert", new long[] {600, 600},
            "premier", new long[] {1_000, 1_000},
            "paragon", new long[] {2_000, 2_000},
            "prime", new long[] {4_000, 4_000},
            "prestige", new long[] {10_000, 8_000});

    private final String tier;

    public AccountResource(SimConfig config) {
        this.tier = config.usageTier().toLowerCase(Locale.ROOT);
        if (!BUDGETS.containsKey(tier)) {
            throw new IllegalStateException("tradeloop.sim.usage-tier: '" + config.usageTier() + "' is not one of "
                    + BUDGETS.keySet());
        }
    }

    @GET
    @Path("/limits")
    public Map<String, Object> limits() {
        long[] budget = BUDGETS.get(tier);
        boolean basic = tier.equals("basic");
        boolean twoSecondReads = basic || tier.equals("advanced");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("usage_tier", tier);
        body.put("read", Map.of("refill_rate", budget[0], "bucket_capacity", twoSecondReads ? 2 * budget[0] : budget[0]));
        body.put("write", Map.of("refill_rate", budget[1], "bucket_capacity", basic ? budget[1] : 2 * budget[1]));
        body.put("grants", List.of(Map.of("exchange_instance", "event_contract", "level", tier, "source", "manual")));
        return body;
    }
}
