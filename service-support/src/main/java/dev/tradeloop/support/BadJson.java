package dev.tradeloop.support;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.stream.Collectors;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * A request body that does not map onto what the endpoint takes (a decimal beyond its bounds, a word
 * where a number goes) gets a 400 as {@code {"error": "field: why"}}, for every service's REST API.
 * The reason comes from the reader, which never quotes a refused number. (One mapper per exception
 * type, because the framework's own for the narrower types would otherwise answer first.)
 */
public class BadJson {

    @ServerExceptionMapper
    public Response badValue(InvalidFormatException e) {
        return unreadable(e);
    }

    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e) {
        return unreadable(e);
    }

    @ServerExceptionMapper
    public Response unreadable(JsonMappingException e) {
        String field = e.getPath().stream()
                .map(reference -> reference.getFieldName() != null ? reference.getFieldName() : "[" + reference.getIndex() + "]")
                .collect(Collectors.joining("."));
        String why = e.getOriginalMessage() == null ? "cannot be read" : e.getOriginalMessage();
        return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON)
                .entity(Map.of("error", field.isEmpty() ? why : field + ": " + why)).build();
    }
}
