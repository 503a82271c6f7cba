package dev.tradeloop.events;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tradeloop.events.json.DecodeFailure;
import dev.tradeloop.events.json.EventCodec;
import dev.tradeloop.events.json.EventDecodingException;
import dev.tradeloop.events.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Each kind of bad input is refused with its reason and a message that says where. */
class InvalidEventTest {

    private final EventCodec<Fill> fills = Topics.FILLS.codec();

    private byte[] fillWith(Consumer<ObjectNode> change) {
        ObjectNode json = Json.mapper().valueToTree(EventSamples.fill());
        change.accept(json);
        return json.toString().getBytes(StandardCharsets.UTF_8);
    }

    private void assertRefused(byte[] bytes, DecodeFailure failure, String message) {
        assertThatThrownBy(() -> fills.decode(bytes))
                .isInstanceOfSatisfying(EventDecodingException.class, e -> {
                    org.assertj.core.api.Assertions.assertThat(e.failure()).isEqualTo(failure);
                    org.assertj.core.api.Assertions.assertThat(e.getMessage()).contains(message);
                });
    }

    @Test
    void a_price_above_one_is_refused() {
        assertRefused(fillWith(json -> json.put("price", "1.2000")), DecodeFailure.INVALID_VALUE,
                "at price: price 1.2000 is outside [0, 1]");
    }

    @Test
    void a_negative_price_is_refused() {
        assertRefused(fillWith(json -> json.put("price", "-0.0100")), DecodeFailure.INVALID_VALUE,
                "price -0.0100 is outside [0, 1]");
    }

    @Test
    void a_negative_count_is_refused() {
        assertRefused(fillWith(json -> json.put("count", "-3.00")), DecodeFailure.INVALID_VALUE,
                "at count: contract count -3.00 is negative");
    }

    @Test
    void a_price_with_more_than_six_decimals_is_refused_not_rounded() {
        assertRefused(fillWith(json -> json.put("price", "0.5600001")), DecodeFailure.INVALID_VALUE,
                "price '0.5600001' has more than 6 decimals");
    }

    @Test
    void a_price_given_as_a_float_exponent_is_refused() {
        assertRefused(fillWith(json -> json.put("price", "5.6E-1")), DecodeFailure.INVALID_VALUE,
                "price '5.6E-1' is not a decimal number");
    }

    @Test
    void an_unknown_type_is_refused() {
        assertRefused(fillWith(json -> json.put("type", "FillV9")), DecodeFailure.UNKNOWN_TYPE,
                "unknown event type 'FillV9'");
    }

    @Test
    void a_message_without_type_is_refused() {
        assertRefused(fillWith(json -> json.remove("type")), DecodeFailure.UNKNOWN_TYPE,
                "the field 'type' is missing");
    }

    @Test
    void an_event_of_another_topic_is_refused() {
        byte[] tick = Topics.PRICE_TICKS.codec().encode(EventSamples.priceTick());
        assertRefused(tick, DecodeFailure.WRONG_TYPE_FOR_TOPIC, "a PriceTick does not belong here");
    }

    @Test
    void a_missing_field_is_refused_by_name() {
        assertRefused(fillWith(json -> json.remove("tradeId")), DecodeFailure.MISSING_FIELD,
                "the field 'tradeId' is missing");
    }

    @Test
    void a_missing_primitive_field_is_refused_not_defaulted() {
        assertRefused(fillWith(json -> json.remove("taker")), DecodeFailure.MISSING_FIELD,
                "the field 'taker' is missing");
    }

    @Test
    void a_null_field_is_refused_as_missing() {
        assertRefused(fillWith(json -> json.putNull("price")), DecodeFailure.MISSING_FIELD,
                "the field 'price' is missing");
    }

    @Test
    void a_missing_field_of_a_nested_record_is_named_with_its_path() {
        assertRefused(fillWith(json -> ((ObjectNode) json.get("method")).remove("version")),
                DecodeFailure.MISSING_FIELD, "the field 'method.version' is missing");
    }

    @Test
    void an_invalid_enum_value_is_refused() {
        assertRefused(fillWith(json -> json.put("side", "MAYBE")), DecodeFailure.INVALID_VALUE, "at side");
    }

    @Test
    void a_blank_text_field_is_refused() {
        assertRefused(fillWith(json -> json.put("marketTicker", " ")), DecodeFailure.INVALID_VALUE,
                "marketTicker is blank");
    }

    @Test
    void an_unsupported_schema_version_is_refused() {
        assertRefused(fillWith(json -> json.put("schemaVersion", 2)), DecodeFailure.UNSUPPORTED_SCHEMA_VERSION,
                "Fill schemaVersion 2 is not supported (this build reads 1)");
    }

    @Test
    void malformed_json_is_refused() {
        assertRefused("{\"type\":\"Fill\",".getBytes(StandardCharsets.UTF_8), DecodeFailure.MALFORMED_JSON,
                "not valid JSON");
    }

    @Test
    void a_json_array_is_refused() {
        assertRefused("[1,2]".getBytes(StandardCharsets.UTF_8), DecodeFailure.MALFORMED_JSON, "not a JSON object");
    }

    @Test
    void a_tombstone_is_refused() {
        assertRefused(null, DecodeFailure.MALFORMED_JSON, "tombstone");
    }

    @Test
    void a_rule_of_the_record_is_enforced_on_decode() {
        EventCodec<OrderEvent> orders = Topics.ORDER_EVENTS.codec();
        ObjectNode json = Json.mapper().valueToTree(EventSamples.orderEvent());
        json.put("filled", "50.00");

        assertThatThrownBy(() -> orders.decode(json.toString().getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(EventDecodingException.class)
                .hasMessageContaining("filled 50.00 is more than count 43.00");
    }
}
