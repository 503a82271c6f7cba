package dev.tradeloop.portfolio.rest;

import dev.tradeloop.portfolio.PortfolioConfig;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The dashboard's operator actions, passed on to risk-service (the only writer of the trading state)
 * with the operator's token and name; risk-service's answer, 401 without the token included, is
 * returned as it came. The read side decides nothing.
 */
@Path("/operator")
@Produces(MediaType.APPLICATION_JSON)
public class OperatorResource {

    private final PortfolioConfig config;
    private final HttpClient http = HttpClient.newHttpClient();

    public OperatorResource(PortfolioConfig config) {
        this.config = config;
    }

    @POST
    @Path("/kill-switch")
    @Operation(summary = "Pull the kill switch: {\"action\": \"HALT\" or \"FLATTEN\", \"reason\": \"...\"}")
    public Response killSwitch(String body, @HeaderParam("X-Operator-Token") String token,
            @HeaderParam("X-Operator") String operator) throws InterruptedException {
        return toRisk("/risk/kill-switch", body == null ? "" : body, token, operator);
    }

    @POST
    @Path("/breakers/{name}/reset")
    @Operation(summary = "Reset a breaker that needs an operator")
    public Response reset(@PathParam("name") String name, @HeaderParam("X-Operator-Token") String token,
            @HeaderParam("X-Operator") String operator) throws InterruptedException {
        return toRisk("/risk/breakers/" + URLEncoder.encode(name, StandardCharsets.UTF_8) + "/reset", "", token,
                operator);
    }

    private Response toRisk(String path, String body, String token, String operator) throws InterruptedException {
        URI target = config.riskUrl().resolve(path);
        HttpRequest.Builder request = HttpRequest.newBuilder(target).timeout(config.riskTimeout())
                .header("Content-Type", MediaType.APPLICATION_JSON)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("X-Operator-Token", token);
        }
        if (operator != null) {
            request.header("X-Operator", operator);
        }
        try {
            HttpResponse<String> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return Response.status(answer.statusCode()).type(MediaType.APPLICATION_JSON).entity(answer.body()).build();
        } catch (IOException e) {
            return Errors.error(Response.Status.BAD_GATEWAY, "risk-service did not answer at " + target + ": " + e);
        }
    }
}
