package dev.tradeloop.sim.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.net.SocketAddress;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The simulator's doors: its admin endpoints answer loopback peers only (the connection's address,
 * not a header), and no spelling of a private path escapes the signature check.
 */
@QuarkusTest
class DoorsTest {

    @TestHTTPResource("/")
    URI base;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> get(String rawPath, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(URI.create(rawPath)));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void an_admin_endpoint_refuses_a_peer_that_is_not_on_this_machine() {
        SocketAddress remote = SocketAddress.inetSocketAddress(40000, "192.0.2.10");
        SocketAddress remoteV6 = SocketAddress.inetSocketAddress(40000, "2001:db8::1");

        Optional<jakarta.ws.rs.core.Response> refused = AdminFromLoopbackOnly.refusal("/sim/admin/faults", remote);

        assertThat(refused).hasValueSatisfying(response -> assertThat(response.getStatus()).isEqualTo(403));
        assertThat(AdminFromLoopbackOnly.refusal("/sim/admin/scenario/start", remoteV6)).isPresent();
        assertThat(AdminFromLoopbackOnly.refusal("/sim/admin", remote)).isPresent();
        // a loopback peer may; a public path is anyone's
        assertThat(AdminFromLoopbackOnly.refusal("/sim/admin/faults",
                SocketAddress.inetSocketAddress(40000, "127.0.0.1"))).isEmpty();
        assertThat(AdminFromLoopbackOnly.refusal("/sim/admin/faults",
                SocketAddress.inetSocketAddress(40000, "::1"))).isEmpty();
        assertThat(AdminFromLoopbackOnly.refusal("/trade-api/v2/markets", remote)).isEmpty();
        assertThat(AdminFromLoopbackOnly.refusal("/sim/administrator", remote)).isEmpty();
    }

    @Test
    void every_spelling_of_an_admin_path_is_one_path() {
        assertThat(Paths.normalised("/sim//admin/faults")).isEqualTo("/sim/admin/faults");
        assertThat(Paths.normalised("/sim/%61dmin/faults")).isEqualTo("/sim/admin/faults");
        assertThat(Paths.normalised("/trade-api/v2/markets/../portfolio/balance"))
                .isEqualTo("/trade-api/v2/portfolio/balance");
        assertThat(Paths.normalised("/trade-api/v2/./portfolio/balance")).isEqualTo("/trade-api/v2/portfolio/balance");
    }

    @Test
    void a_header_claiming_a_local_peer_changes_nothing_and_a_loopback_peer_is_answered()
            throws IOException, InterruptedException {
        HttpResponse<String> local = get("/sim/admin/faults", "X-Forwarded-For", "203.0.113.9");
        assertThat(local.statusCode()).isEqualTo(200);
    }

    @Test
    void an_unsigned_request_on_any_spelling_of_a_private_path_gets_401() throws IOException, InterruptedException {
        for (String spelling : new String[] {"/trade-api/v2/%70ortfolio/balance", "/trade-api//v2/portfolio/balance",
                "/trade-api/v2//portfolio/balance"}) {
            HttpResponse<String> answer = get(spelling);
            assertThat(answer.statusCode()).as(spelling + ": " + answer.body()).isIn(401, 404);
            assertThat(answer.body()).as(spelling).doesNotContain("balance_dollars");
        }
        assertThat(get("/trade-api/v2/%70ortfolio/balance").statusCode()).isEqualTo(401);
    }
}
