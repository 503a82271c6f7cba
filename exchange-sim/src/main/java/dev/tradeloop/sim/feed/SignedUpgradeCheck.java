package dev.tradeloop.sim.feed;

import dev.tradeloop.sim.auth.RequestAuthenticator;
import io.quarkus.websockets.next.HttpUpgradeCheck;
import io.quarkus.websockets.next.UserData;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The WebSocket handshake is signed like a REST call, over {@code timestamp + "GET" +
 * "/trade-api/ws/v2"}; an unsigned, stale or forged handshake is refused with 401 before the
 * upgrade. The verified account travels with the connection.
 */
@ApplicationScoped
public class SignedUpgradeCheck implements HttpUpgradeCheck {

    static final UserData.TypedKey<String> ACCOUNT = UserData.TypedKey.forString("account");

    private final RequestAuthenticator authenticator;

    public SignedUpgradeCheck(RequestAuthenticator authenticator) {
        this.authenticator = authenticator;
    }

    @Override
    public Uni<CheckResult> perform(HttpUpgradeContext context) {
        HttpServerRequest request = context.httpRequest();
        RequestAuthenticator.Verdict verdict = authenticator.authenticate(request::getHeader, "GET", request.path());
        if (verdict.account().isEmpty()) {
            return CheckResult.rejectUpgrade(401);
        }
        context.userData().put(ACCOUNT, verdict.account().get());
        return CheckResult.permitUpgrade();
    }
}
