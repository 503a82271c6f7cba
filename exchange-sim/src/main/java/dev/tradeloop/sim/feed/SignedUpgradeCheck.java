package dev.tradeloop.sim.feed;

import dev.tradeloop.exchange.auth.RequestSigner;
import dev.tradeloop.sim.auth.KeyRegistry;
import dev.tradeloop.sim.config.SimConfig;
import io.quarkus.websockets.next.HttpUpgradeCheck;
import io.quarkus.websockets.next.UserData;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.PublicKey;
import java.time.Clock;
import java.util.Optional;

/**
 * The WebSocket handshake is signed like a REST call, over {@code timestamp + "GET" +
 * "/trade-api/ws/v2"}; an unsigned, stale or forged handshake is refused with 401 before the
 * upgrade. The verified account travels with the connection.
 */
@ApplicationScoped
public class SignedUpgradeCheck implements HttpUpgradeCheck {

    static final UserData.TypedKey<String> ACCOUNT = UserData.TypedKey.forString("account");

    private final KeyRegistry keys;
    private final SimConfig config;
    private final Clock clock;

    public SignedUpgradeCheck(KeyRegistry keys, SimConfig config, Clock clock) {
        this.keys = keys;
        this.config = config;
        this.clock = clock;
    }

    @Override
    public Uni<CheckResult> perform(HttpUpgradeContext context) {
        HttpServerRequest request = context.httpRequest();
        String keyId = request.getHeader(RequestSigner.KEY_HEADER);
        String timestamp = request.getHeader(RequestSigner.TIMESTAMP_HEADER);
        String signature = request.getHeader(RequestSigner.SIGNATURE_HEADER);
        if (keyId == null || timestamp == null || signature == null) {
            return CheckResult.rejectUpgrade(401);
        }
        Optional<PublicKey> key = keys.publicKey(keyId);
        long millis;
        try {
            millis = Long.parseLong(timestamp);
        } catch (NumberFormatException e) {
            return CheckResult.rejectUpgrade(401);
        }
        boolean fresh = Math.abs(clock.millis() - millis) <= config.clockSkew().toMillis();
        if (key.isEmpty() || !fresh
                || !RequestSigner.verify(key.get(), RequestSigner.message(timestamp, "GET", request.path()), signature)) {
            return CheckResult.rejectUpgrade(401);
        }
        context.userData().put(ACCOUNT, keyId);
        return CheckResult.permitUpgrade();
    }
}
