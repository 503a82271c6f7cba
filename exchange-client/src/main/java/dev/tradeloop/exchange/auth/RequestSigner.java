package dev.tradeloop.exchange.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.time.Clock;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;

/**
 * Signs requests as Kalshi verifies them: RSA-PSS with SHA-256, MGF1-SHA-256 and a 32-byte salt
 * over {@code timestamp + METHOD + path}, the timestamp in Unix milliseconds and the path the
 * full URL path without its query string. The simulator verifies with {@link #verify}.
 */
public final class RequestSigner {

    public static final String KEY_HEADER = "KALSHI-ACCESS-KEY";
    public static final String TIMESTAMP_HEADER = "KALSHI-ACCESS-TIMESTAMP";
    public static final String SIGNATURE_HEADER = "KALSHI-ACCESS-SIGNATURE";
    private static final PSSParameterSpec PSS =
            new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1);

    private final ApiCredentials credentials;
    private final Clock clock;

    public RequestSigner(ApiCredentials credentials, Clock clock) {
        this.credentials = credentials;
        this.clock = clock;
    }

    /** The three authentication headers for {@code method} on {@code path} (query string is dropped). */
    public Map<String, String> headers(String method, String path) {
        String timestamp = Long.toString(clock.millis());
        return Map.of(KEY_HEADER, credentials.keyId(), TIMESTAMP_HEADER, timestamp,
                SIGNATURE_HEADER, sign(message(timestamp, method, path)));
    }

    /** The signed text: timestamp, upper-case method, and the path up to any '?'. */
    public static String message(String timestamp, String method, String path) {
        int query = path.indexOf('?');
        return timestamp + method.toUpperCase(Locale.ROOT) + (query < 0 ? path : path.substring(0, query));
    }

    private String sign(String message) {
        try {
            Signature signature = Signature.getInstance("RSASSA-PSS");
            signature.setParameter(PSS);
            signature.initSign(credentials.privateKey());
            signature.update(message.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new InvalidCredentialsException("could not sign with key " + credentials.keyId() + ": "
                    + e.getClass().getSimpleName());
        }
    }

    /** True when {@code base64Signature} is a valid signature of {@code message} by the key's owner. */
    public static boolean verify(PublicKey publicKey, String message, String base64Signature) {
        try {
            Signature signature = Signature.getInstance("RSASSA-PSS");
            signature.setParameter(PSS);
            signature.initVerify(publicKey);
            signature.update(message.getBytes(StandardCharsets.UTF_8));
            return signature.verify(Base64.getDecoder().decode(base64Signature));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }
}
