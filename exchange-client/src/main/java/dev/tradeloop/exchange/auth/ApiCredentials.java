package dev.tradeloop.exchange.auth;

import java.nio.file.Path;
import java.security.PrivateKey;
import java.util.Map;
import java.util.Optional;

/**
 * A Kalshi API key: its id and the RSA private key that signs requests. The key never leaves this
 * object except into a {@link RequestSigner}; {@link #toString()} shows the id only.
 */
public final class ApiCredentials {

    public static final String KEY_ID_VARIABLE = "KALSHI_API_KEY_ID";
    public static final String KEY_PATH_VARIABLE = "KALSHI_PRIVATE_KEY_PATH";

    private final String keyId;
    private final PrivateKey privateKey;

    public ApiCredentials(String keyId, PrivateKey privateKey) {
        if (keyId == null || keyId.isBlank()) {
            throw new InvalidCredentialsException("the API key id is blank");
        }
        if (privateKey == null) {
            throw new InvalidCredentialsException("the private key is missing");
        }
        this.keyId = keyId;
        this.privateKey = privateKey;
    }

    /**
     * Credentials from the flags {@code --key-id}/{@code --key-file} when given, else from
     * {@code KALSHI_API_KEY_ID}/{@code KALSHI_PRIVATE_KEY_PATH}; empty when neither names a key id.
     */
    public static Optional<ApiCredentials> resolve(Optional<String> keyIdFlag, Optional<Path> keyFileFlag,
            Map<String, String> environment) {
        Optional<String> keyId = keyIdFlag.or(() -> Optional.ofNullable(environment.get(KEY_ID_VARIABLE)))
                .filter(id -> !id.isBlank());
        if (keyId.isEmpty()) {
            return Optional.empty();
        }
        Path keyFile = keyFileFlag.or(() -> Optional.ofNullable(environment.get(KEY_PATH_VARIABLE)).map(Path::of))
                .orElseThrow(() -> new InvalidCredentialsException("a key id is set but no private key file: use --key-file or "
                        + KEY_PATH_VARIABLE));
        return Optional.of(new ApiCredentials(keyId.get(), PemPrivateKeys.read(keyFile)));
    }

    public String keyId() {
        return keyId;
    }

    PrivateKey privateKey() {
        return privateKey;
    }

    @Override
    public String toString() {
        return "ApiCredentials[keyId=" + keyId + ", privateKey=<redacted>]";
    }
}
