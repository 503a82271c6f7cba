package dev.tradeloop.sim.rest;

import dev.tradeloop.sim.auth.AccountBudgets;
import dev.tradeloop.sim.config.UsageTier;
import dev.tradeloop.sim.faults.FaultInjected;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code GET /account/limits}: the account's usage tier and its read and write token buckets, as metered. */
@FaultInjected
@Path("/trade-api/v2/account")
@Produces(MediaType.APPLICATION_JSON)
public class AccountResource {

    private final UsageTier tier;

    public AccountResource(AccountBudgets budgets) {
        this.tier = budgets.tier();
    }

    @GET
    @Path("/limits")
    public Map<String, Object> limits() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("usage_tier", tier.name());
        body.put("read", Map.of("refill_rate", tier.readPerSecond(), "bucket_capacity", tier.readCapacity()));
        body.put("write", Map.of("refill_rate", tier.writePerSecond(), "bucket_capacity", tier.writeCapacity()));
        body.put("grants", List.of(Map.of("exchange_instance", "event_contract", "level", tier.name(), "source",
                "manual")));
        return body;
    }
}
