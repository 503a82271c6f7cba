package dev.tradeloop.portfolio.rest;

import dev.tradeloop.portfolio.query.Unavailable;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Errors as {@code {"error": "..."}}: 400 for a bad request, 503 while the database does not answer. */
public class Errors {

    @ServerExceptionMapper
    public Response badRequest(BadRequest e) {
        return error(Response.Status.BAD_REQUEST, e.getMessage());
    }

    @ServerExceptionMapper
    public Response unavailable(Unavailable e) {
        return error(Response.Status.SERVICE_UNAVAILABLE, e.getMessage());
    }

    static Response error(Response.Status status, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(Map.of("error", message)).build();
    }
}
