package dev.tradeloop.sim.feed;

import dev.tradeloop.sim.auth.RequestAuthenticator;
import dev.tradeloop.sim.faults.Faults;
import io.quarkus.websockets.next.HttpUpgradeCheck;
import io.quarkus.websockets.next.UserData;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The WebSocket handshake is signed like a REST call, over {@code timestamp + "GET" +
 * "/trade-api/ws/v2"}; an unsigned, stale or forged handshake is refused with 401 before the
 * upgrade. The verified account travels with the connection. An armed {@code REFUSE_CONNECTIONS}
 * fault refuses the handshake with 503.
 */
@ApplicationScoped
public class SignedUpgradeCheck implements HttpUpgradeCheck {

    static final UserData.TypedKey<String> ACCOUNT = UserData.TypedKey.forString("account");

    private final RequestAuthenticator authenticator;
    private final Faults faults;

    public SignedUpgradeCheck(RequestAuthenticator authenticator, Faults faults) {
        this.authenticator = authenticator;
        this.faults = faults;
    }

    @Override
    public Uni<CheckResult> perform(HttpUpgradeContext context) {
        if (faults.takeConnectionRefusal()) {
            return CheckResult.rejectUpgrade(503);
        }
        HttpServerRequest request = context.httpRequest();
        RequestAuthenticator.Verdict verdict = authenticator.authenticate(request::getHeader, "GET", request.path());
        if (verdict.account().isEmpty()) {
            return CheckResult.rejectUpgrade(401);
        }
        context.userData().put(ACCOUNT, verdict.account().get());
        return CheckResult.permitUpgrade();
    }
}
