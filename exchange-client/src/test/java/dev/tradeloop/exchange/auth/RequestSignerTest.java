package dev.tradeloop.exchange.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RequestSignerTest {

    private static final Path KEYS = Path.of("src/test/resources/keys");
    private static final Clock CLOCK = Clock.fixed(Instant.ofEpochMilli(1703123456789L), ZoneOffset.UTC);

    static PublicKey publicKey() throws Exception {
        String pem = Files.readString(KEYS.resolve("test-key-public.pem"));
        byte[] der = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
        return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
    }

    private static ApiCredentials credentials(String file) {
        return new ApiCredentials("a952bcbe-ec3b-4b5b-b8f9-11dae589608c", PemPrivateKeys.read(KEYS.resolve(file)));
    }

    @Test
    void the_signed_message_is_timestamp_method_and_path_without_query() {
        assertThat(RequestSigner.message("1703123456789", "get", "/trade-api/v2/portfolio/balance"))
                .isEqualTo("1703123456789GET/trade-api/v2/portfolio/balance");
        assertThat(RequestSigner.message("1703123456789", "GET", "/trade-api/v2/markets?limit=5&cursor=abc"))
                .isEqualTo("1703123456789GET/trade-api/v2/markets");
    }

    @Test
    void a_signature_made_by_the_client_verifies_with_the_public_key() throws Exception {
        Map<String, String> headers = new RequestSigner(credentials("test-key-pkcs1.pem"), CLOCK)
                .headers("POST", "/trade-api/v2/portfolio/events/orders");

        assertThat(headers).containsEntry(RequestSigner.KEY_HEADER, "a952bcbe-ec3b-4b5b-b8f9-11dae589608c")
                .containsEntry(RequestSigner.TIMESTAMP_HEADER, "1703123456789");
        String message = "1703123456789POST/trade-api/v2/portfolio/events/orders";
        assertThat(RequestSigner.verify(publicKey(), message, headers.get(RequestSigner.SIGNATURE_HEADER))).isTrue();
    }

    @Test
    void a_signature_does_not_verify_for_another_path_or_time() throws Exception {
        String signature = new RequestSigner(credentials("test-key-pkcs8.pem"), CLOCK)
                .headers("GET", "/trade-api/v2/portfolio/balance").get(RequestSigner.SIGNATURE_HEADER);

        assertThat(RequestSigner.verify(publicKey(), "1703123456789GET/trade-api/v2/portfolio/balance", signature)).isTrue();
        assertThat(RequestSigner.verify(publicKey(), "1703123456789GET/trade-api/v2/portfolio/fills", signature)).isFalse();
        assertThat(RequestSigner.verify(publicKey(), "1703123456790GET/trade-api/v2/portfolio/balance", signature)).isFalse();
        assertThat(RequestSigner.verify(publicKey(), "anything", "not base64!")).isFalse();
    }

    @Test
    void pkcs1_and_pkcs8_files_hold_the_same_key() {
        assertThat(PemPrivateKeys.read(KEYS.resolve("test-key-pkcs1.pem")))
                .isEqualTo(PemPrivateKeys.read(KEYS.resolve("test-key-pkcs8.pem")));
    }

    @Test
    void credentials_never_print_the_key() {
        ApiCredentials credentials = credentials("test-key-pkcs8.pem");

        assertThat(credentials.toString()).isEqualTo(
                "ApiCredentials[keyId=a952bcbe-ec3b-4b5b-b8f9-11dae589608c, privateKey=<redacted>]");
    }

    @Test
    void a_broken_key_file_is_refused_without_quoting_it(@TempDir Path dir) throws Exception {
        Path broken = dir.resolve("broken.pem");
        Files.writeString(broken, "-----BEGIN RSA PRIVATE KEY-----\nU0VDUkVUU0VDUkVU\n-----END RSA PRIVATE KEY-----\n");

        assertThatThrownBy(() -> PemPrivateKeys.read(broken))
                .isInstanceOf(InvalidCredentialsException.class)
                .hasMessageContaining("broken.pem is not a readable RSA private key")
                .hasMessageNotContaining("U0VDUkVU");
    }

    @Test
    void flags_win_over_the_environment_and_a_key_id_without_a_file_is_refused() {
        Map<String, String> environment = Map.of(ApiCredentials.KEY_ID_VARIABLE, "env-id",
                ApiCredentials.KEY_PATH_VARIABLE, KEYS.resolve("test-key-pkcs8.pem").toString());

        assertThat(ApiCredentials.resolve(Optional.of("flag-id"), Optional.empty(), environment))
                .get().extracting(ApiCredentials::keyId).isEqualTo("flag-id");
        assertThat(ApiCredentials.resolve(Optional.empty(), Optional.empty(), Map.of())).isEmpty();
        assertThatThrownBy(() -> ApiCredentials.resolve(Optional.of("id"), Optional.empty(), Map.of()))
                .hasMessageContaining("no private key file");
    }
}
