package dev.tradeloop.sim.scenario;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code GET /sim/admin/scenario}: the scenario being played and each market's hidden true probability;
 * {@code POST /sim/admin/scenario/start}: starts the configured scenario when it waits for a start.
 */
@Path("/sim/admin/scenario")
@Produces(MediaType.APPLICATION_JSON)
public class ScenarioResource {

    private final ScenarioService scenarios;

    public ScenarioResource(ScenarioService scenarios) {
        this.scenarios = scenarios;
    }

    @GET
    public Response current() {
        return scenarios.runner()
                .map(runner -> Response.ok(Map.of("name", runner.scenario().name(),
                        "true_probabilities", new TreeMap<>(runner.trueProbabilities()))).build())
                .orElseGet(() -> Response.status(404).entity(Map.of("error", "no scenario is playing")).build());
    }

    @POST
    @Path("/start")
    public Response start() {
        return scenarios.start()
                .map(runner -> Response.ok(Map.of("scenario", runner.scenario().name(), "markets",
                        runner.scenario().markets().size())).build())
                .orElseGet(() -> Response.status(Response.Status.CONFLICT).entity(Map.of("error",
                        scenarios.runner().isPresent() ? "the scenario is already playing"
                                : "no scenario is configured (tradeloop.sim.scenario)")).build());
    }
}
