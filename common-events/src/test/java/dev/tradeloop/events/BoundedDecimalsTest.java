package dev.tradeloop.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tradeloop.events.json.DecodeFailure;
import dev.tradeloop.events.json.EventCodec;
import dev.tradeloop.events.json.EventDecodingException;
import dev.tradeloop.events.json.Json;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Decimals are bounded where they enter: a huge exponent, as a JSON number or a string, is refused at
 * decode with the field named, quickly and in little memory, and the refusal does not quote it.
 */
class BoundedDecimalsTest {

    private final EventCodec<Prediction> predictions = Topics.PREDICTIONS.codec();

    /** A prediction whose probabilityYes is {@code rawJson} as written (a number, or a quoted string). */
    private byte[] predictionWith(String rawJson) {
        ObjectNode json = Json.mapper().valueToTree(EventSamples.prediction());
        json.put("probabilityYes", "PLACEHOLDER");
        return json.toString().replace("\"PLACEHOLDER\"", rawJson).getBytes(StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1E+300000000", "1E-999999999", "\"1E+300000000\"", "\"1E-999999999\"",
            "0.5000000000000000000000000000000000000000000000000000000001", "1e51", "1E-51",
            "12345678901234567890123456789012345678901"})
    void a_decimal_beyond_the_bounds_is_refused_with_the_field_named_and_not_quoted(String raw) {
        assertThatThrownBy(() -> predictions.decode(predictionWith(raw)))
                .isInstanceOfSatisfying(EventDecodingException.class, e -> {
                    assertThat(e.failure()).isEqualTo(DecodeFailure.INVALID_VALUE);
                    assertThat(e.getMessage()).contains("at probabilityYes")
                            .contains("is refused").doesNotContain("300000000", "999999999");
                });
    }

    @Test
    void a_decimal_text_of_a_hundred_thousand_digits_is_refused_unread() {
        String digits = "0." + "1".repeat(100_000);
        // (as a JSON number, the parser itself refuses more than 1,000 digits; as a string it reaches the bound)
        assertThatThrownBy(() -> predictions.decode(predictionWith("\"" + digits + "\"")))
                .isInstanceOfSatisfying(EventDecodingException.class, e ->
                        assertThat(e.getMessage()).contains("at probabilityYes").hasSizeLessThan(500));
        ObjectNode fill = Json.mapper().valueToTree(EventSamples.fill());
        fill.put("price", digits);
        assertThatThrownBy(() -> Topics.FILLS.codec().decode(fill.toString().getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(EventDecodingException.class, e ->
                        assertThat(e.getMessage()).contains("at price").hasSizeLessThan(500));
    }

    @Test
    void an_ordinary_probability_still_decodes_exactly() {
        Prediction decoded = predictions.decode(predictionWith("0.6400"));
        assertThat(decoded.probabilityYes()).isEqualByComparingTo("0.64");
        assertThat(predictions.decode(predictionWith("\"0.6400\"")).probabilityYes()).isEqualByComparingTo("0.64");
    }
}
