package dev.tradeloop.exchange.rest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradeloop.events.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Each error status maps to its typed error, whatever the body looks like. */
class ErrorAnswersTest {

    private static ExchangeException classify(int status, String body) {
        return ErrorAnswers.classify(status, body, "POST /portfolio/events/orders", Json.mapper());
    }

    private static String fixture(String name) throws Exception {
        return Files.readString(Path.of("src/test/resources/fixtures", name));
    }

    @Test
    void a_400_is_a_rejection_with_kalshis_code() throws Exception {
        ExchangeException error = classify(400, fixture("error-400.json"));

        assertThat(error).isInstanceOf(ExchangeException.Rejected.class);
        assertThat(error.code()).contains("invalid_price");
        assertThat(error.getMessage()).isEqualTo(
                "POST /portfolio/events/orders -> 400 invalid_price: price must be a valid price for this market");
    }

    @Test
    void a_429_with_a_plain_string_body_is_transient() throws Exception {
        ExchangeException error = classify(429, fixture("error-429.json"));

        assertThat(error).isInstanceOf(ExchangeException.Transient.class);
        assertThat(error.getMessage()).endsWith("429: too many requests");
    }

    @Test
    void each_status_has_its_type() {
        assertThat(classify(401, "{\"error\":{\"code\":\"authentication_error\",\"message\":\"bad\"}}"))
                .isInstanceOf(ExchangeException.Unauthorized.class);
        assertThat(classify(403, "{}")).isInstanceOf(ExchangeException.Rejected.class);
        assertThat(classify(404, "{}")).isInstanceOf(ExchangeException.NotFound.class);
        assertThat(classify(409, "{}")).isInstanceOf(ExchangeException.Conflict.class);
        assertThat(classify(500, "<html>oops</html>")).isInstanceOf(ExchangeException.Transient.class)
                .hasMessageContaining("<html>oops</html>");
        assertThat(classify(503, "")).isInstanceOf(ExchangeException.Transient.class);
    }
}
