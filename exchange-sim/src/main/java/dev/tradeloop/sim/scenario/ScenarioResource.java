package dev.tradeloop.sim.scenario;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code GET /sim/admin/scenario}: the scenario being played and each market's hidden true probability;
 * {@code POST /sim/admin/scenario/start}: starts the configured scenario when it waits for a start, or
 * resumes the one the exchange was playing before a restart at the second it had reached.
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
                .map(runner -> Response.ok(Map.of("name", runner.scenario().name(), "playing", scenarios.playing(),
                        "elapsed_seconds", runner.elapsedSeconds(),
                        "true_probabilities", new TreeMap<>(runner.trueProbabilities()))).build())
                .orElseGet(() -> Response.status(404).entity(Map.of("error", "no scenario is playing")).build());
    }

    @POST
    @Path("/start")
    public Response start() {
        return scenarios.start()
                .map(started -> {
                    Map<String, Object> answer = new LinkedHashMap<>();
                    answer.put("scenario", started.runner().scenario().name());
                    answer.put("markets", started.runner().scenario().markets().size());
                    started.resumedAtSecond().ifPresent(second -> answer.put("resumed_at_second", second));
                    return Response.ok(answer).build();
                })
                .orElseGet(() -> Response.status(Response.Status.CONFLICT).entity(Map.of("error",
                        scenarios.playing() ? "the scenario is already playing"
                                : "no scenario is configured (tradeloop.sim.scenario)")).build());
    }
}
