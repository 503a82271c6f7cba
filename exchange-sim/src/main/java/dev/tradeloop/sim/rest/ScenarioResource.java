package dev.tradeloop.sim.rest;

import dev.tradeloop.sim.scenario.ScenarioService;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/** Starts the configured scenario when it waits for a start ({@code tradeloop.sim.scenario-waits-for-start}). */
@Path("/sim/admin/scenario/start")
@Produces(MediaType.APPLICATION_JSON)
public class ScenarioResource {

    private final ScenarioService scenarios;

    public ScenarioResource(ScenarioService scenarios) {
        this.scenarios = scenarios;
    }

    @POST
    public Response start() {
        return scenarios.start()
                .map(runner -> Response.ok(Map.of("scenario", runner.scenario().name(), "markets",
                        runner.scenario().markets().size())).build())
                .orElseGet(() -> Response.status(Response.Status.CONFLICT).entity(Map.of("error",
                        scenarios.runner().isPresent() ? "the scenario is already playing"
                                : "no scenario is configured (tradeloop.sim.scenario)")).build());
    }
}
