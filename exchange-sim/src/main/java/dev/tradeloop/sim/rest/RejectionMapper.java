package dev.tradeloop.sim.rest;

import dev.tradeloop.sim.exchange.ExchangeRejection;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Exchange refusals, and requests the exchange cannot read, as Kalshi's error answers. */
public class RejectionMapper {

    @ServerExceptionMapper
    public Response rejected(ExchangeRejection rejection) {
        return Response.status(rejection.status()).type(MediaType.APPLICATION_JSON)
                .entity(KalshiError.of(rejection.code(), rejection.getMessage())).build();
    }

    @ServerExceptionMapper
    public Response unreadable(IllegalArgumentException invalid) {
        return Response.status(400).type(MediaType.APPLICATION_JSON)
                .entity(KalshiError.of("invalid_parameters", invalid.getMessage())).build();
    }
}
