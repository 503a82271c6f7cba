package dev.tradeloop.events.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.tradeloop.events.Event;
import dev.tradeloop.events.EventSamples;
import dev.tradeloop.events.Topics;
import dev.tradeloop.events.json.EventCodec;
import dev.tradeloop.events.json.Json;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What the Java code writes is valid against the checked-in schemas, read by an independent
 * validator as a consumer in another language would; and the schemas are strict enough to refuse
 * the invalid values the Java decoder refuses.
 */
class SchemaConformanceTest {

    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
            builder -> builder.schemaMappers(mappers -> mappers.mapPrefix(
                    "https://tradeloop.dev/schemas/", "classpath:schemas/")));
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true).build();

    static List<Event> samples() {
        return EventSamples.all();
    }

    private static JsonSchema schema(String file) {
        return FACTORY.getSchema(SchemaLocation.of("https://tradeloop.dev/schemas/" + file), CONFIG);
    }

    private static JsonNode wire(Event event) throws Exception {
        return Json.mapper().readTree(new EventCodec<>("any", Event.class).encode(event));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void every_event_written_is_valid_against_its_schema(Event event) throws Exception {
        Set<ValidationMessage> errors = schema(event.type() + ".schema.json").validate(wire(event));

        assertThat(errors).isEmpty();
    }

    @Test
    void position_events_are_valid_against_the_topic_schema() throws Exception {
        JsonSchema topic = schema("topic-" + Topics.POSITION_EVENTS.name() + ".schema.json");
        for (Event event : EventSamples.positionEvents()) {
            assertThat(topic.validate(wire(event))).as(event.type()).isEmpty();
        }
        assertThat(topic.validate(wire(EventSamples.positionMarked()))).as("a mark is not a position event")
                .isNotEmpty();
    }

    @Test
    void the_schemas_refuse_what_the_decoder_refuses() throws Exception {
        JsonSchema fill = schema("Fill.schema.json");
        ObjectNode tooHigh = (ObjectNode) wire(EventSamples.fill());
        tooHigh.put("price", "1.2000");
        ObjectNode negative = (ObjectNode) wire(EventSamples.fill());
        negative.put("count", "-3.00");
        ObjectNode missing = (ObjectNode) wire(EventSamples.fill());
        missing.remove("tradeId");
        ObjectNode otherType = (ObjectNode) wire(EventSamples.fill());
        otherType.put("type", "FillV9");

        assertThat(fill.validate(tooHigh)).isNotEmpty();
        assertThat(fill.validate(negative)).isNotEmpty();
        assertThat(fill.validate(missing)).isNotEmpty();
        assertThat(fill.validate(otherType)).isNotEmpty();
    }
}
