package dev.tradeloop.sim.auth;

import dev.tradeloop.sim.rest.KalshiError;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Every private endpoint ({@code /portfolio}, {@code /account}) must be signed: a request that is not gets 401 as
 * Kalshi answers it; one that is carries its account to the resource. The path is matched once
 * normalised (decoded, dot segments and repeated slashes resolved), so no spelling of a private
 * path escapes the check.
 */
public class SignatureFilter {

    public static final String ACCOUNT = "tradeloop.sim.account";
    private static final java.util.List<String> PRIVATE_PREFIXES = java.util.List.of("/trade-api/v2/portfolio",
            "/trade-api/v2/account");

    private final RequestAuthenticator authenticator;

    public SignatureFilter(RequestAuthenticator authenticator) {
        this.authenticator = authenticator;
    }

    @ServerRequestFilter
    public Optional<Response> verify(ContainerRequestContext request) {
        String path = request.getUriInfo().getRequestUri().getRawPath();
        // which rule applies is decided on the path as the router sees it; the signature covers the path as sent
        String normalised = Paths.normalised(path);
        if (PRIVATE_PREFIXES.stream().noneMatch(prefix -> Paths.isUnder(normalised, prefix))) {
            return Optional.empty();
        }
        RequestAuthenticator.Verdict verdict = authenticator.authenticate(request::getHeaderString, request.getMethod(), path);
        if (verdict.account().isEmpty()) {
            return Optional.of(Response.status(401).type(MediaType.APPLICATION_JSON)
                    .entity(KalshiError.of("authentication_error", verdict.refusal())).build());
        }
        request.setProperty(ACCOUNT, verdict.account().get());
        return Optional.empty();
    }
}
