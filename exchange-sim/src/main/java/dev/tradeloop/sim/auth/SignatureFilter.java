package dev.tradeloop.sim.auth;

import dev.tradeloop.exchange.auth.RequestSigner;
import dev.tradeloop.sim.config.SimConfig;
import dev.tradeloop.sim.rest.KalshiError;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.security.PublicKey;
import java.time.Clock;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Verifies Kalshi's request signature on every private endpoint ({@code /portfolio}): a known key
 * id, a timestamp within the allowed skew, and an RSA-PSS signature over timestamp, method and
 * path. A request that fails gets 401 as Kalshi answers it; one that passes carries its account.
 */
public class SignatureFilter {

    public static final String ACCOUNT = "tradeloop.sim.account";
    private static final String PRIVATE_PREFIX = "/trade-api/v2/portfolio";

    private final KeyRegistry keys;
    private final SimConfig config;
    private final Clock clock;

    public SignatureFilter(KeyRegistry keys, SimConfig config, Clock clock) {
        this.keys = keys;
        this.config = config;
        this.clock = clock;
    }

    @ServerRequestFilter
    public Optional<Response> verify(ContainerRequestContext request) {
        String path = request.getUriInfo().getRequestUri().getRawPath();
        if (!path.startsWith(PRIVATE_PREFIX)) {
            return Optional.empty();
        }
        String keyId = request.getHeaderString(RequestSigner.KEY_HEADER);
        String timestamp = request.getHeaderString(RequestSigner.TIMESTAMP_HEADER);
        String signature = request.getHeaderString(RequestSigner.SIGNATURE_HEADER);
        if (keyId == null || timestamp == null || signature == null) {
            return refuse("missing authentication headers");
        }
        Optional<PublicKey> key = keys.publicKey(keyId);
        if (key.isEmpty()) {
            return refuse("unknown API key");
        }
        long millis;
        try {
            millis = Long.parseLong(timestamp);
        } catch (NumberFormatException e) {
            return refuse("the timestamp is not Unix milliseconds");
        }
        if (Math.abs(clock.millis() - millis) > config.clockSkew().toMillis()) {
            return refuse("the request timestamp is too far from the exchange's clock");
        }
        if (!RequestSigner.verify(key.get(), RequestSigner.message(timestamp, request.getMethod(), path), signature)) {
            return refuse("invalid signature");
        }
        request.setProperty(ACCOUNT, keyId);
        return Optional.empty();
    }

    private static Optional<Response> refuse(String message) {
        return Optional.of(Response.status(401).type(MediaType.APPLICATION_JSON)
                .entity(KalshiError.of("authentication_error", message)).build());
    }
}
