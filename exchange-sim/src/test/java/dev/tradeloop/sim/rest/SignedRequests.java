package dev.tradeloop.sim.rest;

import static io.restassured.RestAssured.given;

import dev.tradeloop.exchange.auth.ApiCredentials;
import dev.tradeloop.exchange.auth.PemPrivateKeys;
import dev.tradeloop.exchange.auth.RequestSigner;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.nio.file.Path;
import java.time.Clock;

/** Signs test requests to the simulator as a Kalshi client would, for one of the test accounts. */
public final class SignedRequests {

    public static final String MAKER = "11111111-1111-4111-8111-111111111111";
    public static final String TRADER = "22222222-2222-4222-8222-222222222222";

    private final RequestSigner signer;

    private SignedRequests(String keyId, String keyFile) {
        this.signer = new RequestSigner(new ApiCredentials(keyId,
                PemPrivateKeys.read(Path.of("src/test/resources/private", keyFile))), Clock.systemUTC());
    }

    public static SignedRequests maker() {
        return new SignedRequests(MAKER, "maker.key.pem");
    }

    public static SignedRequests trader() {
        return new SignedRequests(TRADER, "trader.key.pem");
    }

    public Response get(String endpoint) {
        String path = "/trade-api/v2" + endpoint;
        return given().headers(signer.headers("GET", path)).when().get(path);
    }

    public Response post(String endpoint, String json) {
        String path = "/trade-api/v2" + endpoint;
        return given().headers(signer.headers("POST", path)).contentType(ContentType.JSON).body(json)
                .when().post(path);
    }

    public Response delete(String endpoint) {
        String path = "/trade-api/v2" + endpoint;
        return given().headers(signer.headers("DELETE", path)).when().delete(path);
    }
}
