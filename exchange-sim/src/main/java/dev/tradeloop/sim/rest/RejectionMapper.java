package dev.tradeloop.sim.rest;

import dev.tradeloop.sim.exchange.ExchangeRejection;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.ws.rs.core.MediaType;
import java.util.stream.Collectors;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Exchange refusals, and requests the exchange cannot read, as Kalshi's error answers. */
public class RejectionMapper {

    @ServerExceptionMapper
    public Response rejected(ExchangeRejection rejection) {
        return Response.status(rejection.status()).type(MediaType.APPLICATION_JSON)
                .entity(KalshiError.of(rejection.code(), rejection.getMessage())).build();
    }

    /**
     * A body that is not JSON, or has a value of the wrong type: 400, naming the field. (One mapper
     * per exception type: the framework's own for the narrower types would otherwise answer first.)
     */
    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException mismatched) {
        return malformed(mismatched);
    }

    @ServerExceptionMapper
    public Response badValue(InvalidFormatException badValue) {
        return malformed(badValue);
    }

    @ServerExceptionMapper
    public Response malformed(JsonProcessingException malformed) {
        String field = malformed instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()
                ? mapping.getPath().stream().map(ref -> ref.getFieldName() != null ? ref.getFieldName()
                        : "[" + ref.getIndex() + "]").collect(Collectors.joining(".")) + ": " : "";
        return Response.status(400).type(MediaType.APPLICATION_JSON)
                .entity(KalshiError.of("invalid_parameters", field + malformed.getOriginalMessage())).build();
    }

    @ServerExceptionMapper
    public Response unreadable(IllegalArgumentException invalid) {
        return Response.status(400).type(MediaType.APPLICATION_JSON)
                .entity(KalshiError.of("invalid_parameters", invalid.getMessage())).build();
    }
}
