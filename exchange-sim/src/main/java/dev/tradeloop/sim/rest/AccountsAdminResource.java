package dev.tradeloop.sim.rest;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.tradeloop.sim.auth.KeyRegistry;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/**
 * {@code POST /sim/admin/accounts}: registers an API key's public half at run time and opens its
 * account with the starting balance (on Kalshi, a person makes a key on the website). A test that
 * must see its own balance change, untouched by other tests, trades from an account of its own.
 */
@Path("/sim/admin/accounts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AccountsAdminResource {

    private final KeyRegistry keys;

    public AccountsAdminResource(KeyRegistry keys) {
        this.keys = keys;
    }

    @POST
    public Response open(NewAccount body) {
        if (body == null || body.keyId() == null || body.keyId().isBlank() || body.publicKeyPem() == null) {
            throw new IllegalArgumentException("key_id and public_key_pem are required");
        }
        if (keys.publicKey(body.keyId()).isPresent()) {
            return Response.status(409).entity(Map.of("code", "key_exists", "message",
                    "key " + body.keyId() + " is registered already")).build();
        }
        keys.registerKept(body.keyId(), body.publicKeyPem());
        return Response.status(201).entity(Map.of("key_id", body.keyId())).build();
    }

    /** A key to register: its id and the PEM of its public half. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record NewAccount(String keyId, String publicKeyPem) {
    }
}
