package dev.tradeloop.edge.rest;

import dev.tradeloop.edge.LatestPredictions;
import dev.tradeloop.edge.PredictionCheck;
import dev.tradeloop.edge.messaging.ModelErrors;
import dev.tradeloop.edge.models.ModelAuthenticated;
import dev.tradeloop.edge.models.ModelAuthentication;
import dev.tradeloop.events.Prediction;
import dev.tradeloop.events.Topics;
import dev.tradeloop.support.EventPublisher;
import io.quarkus.logging.Log;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The prediction intake, so a model in any language can feed the loop: {@code POST /predictions}
 * with {@code marketTicker}, {@code probabilityYes}, {@code confidence}, {@code modelId},
 * {@code modelVersion}, by a registered model with its credential, in its own name. A valid prediction is on the {@code predictions} topic before the 202; an
 * invalid or absurd one gets a 400 that names the field, counts as a model error, and nothing is
 * published.
 */
@Path("/predictions")
@Produces(MediaType.APPLICATION_JSON)
public class PredictionsResource {

    private final EventPublisher publisher;
    private final LatestPredictions latest;
    private final ModelErrors modelErrors;
    private final Clock clock;

    public PredictionsResource(EventPublisher publisher, LatestPredictions latest, ModelErrors modelErrors,
            Clock clock) {
        this.publisher = publisher;
        this.latest = latest;
        this.modelErrors = modelErrors;
        this.clock = clock;
    }

    /** What a model sends; numbers may be JSON numbers or decimal strings. */
    public record PredictionRequest(String marketTicker, BigDecimal probabilityYes, BigDecimal confidence, String modelId,
            String modelVersion, String correlationId) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @ModelAuthenticated
    public Response submit(PredictionRequest request, @Context ContainerRequestContext context) {
        if (request == null) {
            return invalid("the body must be a JSON object with marketTicker, probabilityYes, confidence, modelId and modelVersion");
        }
        String model = (String) context.getProperty(ModelAuthentication.MODEL);
        if (request.modelId() != null && !request.modelId().equals(model)) {
            Log.warnf("model %s was refused a prediction in another model's name", model);
            return Response.status(403).entity(Map.of("error", "model " + model
                    + " may post only its own predictions; the body's modelId names another model")).build();
        }
        Prediction prediction;
        try {
            String correlation = request.correlationId() == null || request.correlationId().isBlank()
                    ? "pred-" + UUID.randomUUID() : request.correlationId();
            prediction = new Prediction(UUID.randomUUID(), Instant.now(clock), correlation, request.marketTicker(),
                    request.probabilityYes(), request.confidence(), request.modelId(), request.modelVersion());
        } catch (IllegalArgumentException e) {
            modelErrors.record(String.valueOf(request.marketTicker()), e.getMessage());
            return invalid(e.getMessage());
        }
        Optional<String> absurd = PredictionCheck.absurdity(prediction);
        if (absurd.isPresent()) {
            modelErrors.record(prediction.marketTicker(), absurd.get());
            return invalid(absurd.get());
        }
        publisher.publish(Topics.PREDICTIONS, prediction.marketTicker(), prediction);
        Log.infof("prediction %s for %s accepted from %s@%s correlationId=%s", prediction.eventId(),
                prediction.marketTicker(), prediction.modelId(), prediction.modelVersion(), prediction.correlationId());
        return Response.accepted(Map.of("eventId", prediction.eventId().toString(),
                "correlationId", prediction.correlationId())).build();
    }

    @GET
    @Path("/{marketTicker}")
    public Response latest(@PathParam("marketTicker") String marketTicker) {
        return latest.of(marketTicker).map(p -> Response.ok(p).build())
                .orElseGet(() -> Response.status(404).entity(Map.of("error", "no prediction for " + marketTicker)).build());
    }

    private static Response invalid(String why) {
        return Response.status(400).entity(Map.of("error", why)).build();
    }
}
