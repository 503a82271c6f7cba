package dev.tradeloop.sim.auth;

import dev.tradeloop.exchange.auth.RequestSigner;
import dev.tradeloop.sim.config.SimConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.PublicKey;
import java.time.Clock;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Checks Kalshi's signature headers as the exchange does, for REST calls and WebSocket handshakes
 * alike: a known key id, a timestamp within the allowed skew, and a valid RSA-PSS signature over
 * timestamp, method and path.
 */
@ApplicationScoped
public class RequestAuthenticator {

    private final KeyRegistry keys;
    private final SimConfig config;
    private final Clock clock;

    public RequestAuthenticator(KeyRegistry keys, SimConfig config, Clock clock) {
        this.keys = keys;
        this.config = config;
        this.clock = clock;
    }

    /** The outcome: the account when the request is authentic, else why it is not. */
    public record Verdict(Optional<String> account, String refusal) {
        static Verdict refused(String why) {
            return new Verdict(Optional.empty(), why);
        }
    }

    /** {@code header} reads a request header by name (null when absent). */
    public Verdict authenticate(UnaryOperator<String> header, String method, String path) {
        String keyId = header.apply(RequestSigner.KEY_HEADER);
        String timestamp = header.apply(RequestSigner.TIMESTAMP_HEADER);
        String signature = header.apply(RequestSigner.SIGNATURE_HEADER);
        if (keyId == null || timestamp == null || signature == null) {
            return Verdict.refused("missing authentication headers");
        }
        Optional<PublicKey> key = keys.publicKey(keyId);
        if (key.isEmpty()) {
            return Verdict.refused("unknown API key");
        }
        long millis;
        try {
            millis = Long.parseLong(timestamp);
        } catch (NumberFormatException e) {
            return Verdict.refused("the timestamp is not Unix milliseconds");
        }
        if (Math.abs(clock.millis() - millis) > config.clockSkew().toMillis()) {
            return Verdict.refused("the request timestamp is too far from the exchange's clock");
        }
        if (!RequestSigner.verify(key.get(), RequestSigner.message(timestamp, method, path), signature)) {
            return Verdict.refused("invalid signature");
        }
        return new Verdict(Optional.of(keyId), "");
    }
}
