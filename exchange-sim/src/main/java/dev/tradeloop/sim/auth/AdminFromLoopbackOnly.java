package dev.tradeloop.sim.auth;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * The simulator's own controls ({@code /sim/admin/...}: list and settle markets, open accounts, arm
 * faults, start the scenario) answer only a peer on this machine: the connection's remote address
 * must be a loopback address. Never a header, which anyone can write.
 */
public class AdminFromLoopbackOnly {

    static final String ADMIN_PREFIX = "/sim/admin";

    @ServerRequestFilter(preMatching = true)
    public Optional<Response> check(ContainerRequestContext request, HttpServerRequest connection) {
        return refusal(Paths.normalised(request.getUriInfo().getRequestUri().getRawPath()),
                connection.remoteAddress());
    }

    /** A 403 for an admin path asked from anywhere but loopback; empty when the request may go on. */
    static Optional<Response> refusal(String normalisedPath, SocketAddress peer) {
        if (!Paths.isUnder(normalisedPath, ADMIN_PREFIX) || isLoopback(peer)) {
            return Optional.empty();
        }
        return Optional.of(Response.status(403).type(MediaType.APPLICATION_JSON).entity(Map.of("code", "forbidden",
                "message", "the simulator's admin endpoints answer only on this machine (a loopback address)"))
                .build());
    }

    private static boolean isLoopback(SocketAddress peer) {
        if (peer == null || peer.hostAddress() == null) {
            return false; // a Unix socket or an unknown peer is not known to be local
        }
        try {
            // an address literal: no name is looked up
            return InetAddress.getByName(peer.hostAddress()).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
