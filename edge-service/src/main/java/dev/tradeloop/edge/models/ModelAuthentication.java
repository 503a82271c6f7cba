package dev.tradeloop.edge.models;

import io.quarkus.logging.Log;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Guards every {@link ModelAuthenticated} endpoint before its body is read: a request without a
 * registered model's credential ({@code Authorization: Bearer MODEL-ID:SECRET}) gets 401; one that
 * has it carries the model's id to the endpoint ({@link #MODEL}), which refuses a body speaking for
 * another model.
 */
public class ModelAuthentication {

    /** The request property that holds the authenticated model's id. */
    public static final String MODEL = "tradeloop.model";
    private static final String BEARER = "Bearer ";

    private final ModelCredentials credentials;

    public ModelAuthentication(ModelCredentials credentials) {
        this.credentials = credentials;
    }

    @ServerRequestFilter
    public Optional<Response> authenticate(ContainerRequestContext request, ResourceInfo resource) {
        if (resource.getResourceMethod() == null
                || !resource.getResourceMethod().isAnnotationPresent(ModelAuthenticated.class)) {
            return Optional.empty();
        }
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        String credential = header != null && header.startsWith(BEARER) ? header.substring(BEARER.length()).strip()
                : null;
        Optional<String> model = credentials.authenticate(credential);
        if (model.isEmpty()) {
            Log.warnf("a prediction was refused: %s", header == null ? "no credential" : "a wrong credential");
            return Optional.of(Response.status(401).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                    .type(MediaType.APPLICATION_JSON).entity(Map.of("error", header == null
                            ? "a model's credential is needed: Authorization: Bearer MODEL-ID:SECRET "
                                    + "(./tradeloop model add MODEL-ID makes one)"
                            : "the credential is not a registered model's")).build());
        }
        request.setProperty(MODEL, model.get());
        return Optional.empty();
    }
}
