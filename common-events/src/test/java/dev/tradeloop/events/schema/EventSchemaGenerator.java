package dev.tradeloop.events.schema;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.victools.jsonschema.generator.CustomDefinition;
import com.github.victools.jsonschema.generator.Option;
import com.github.victools.jsonschema.generator.OptionPreset;
import com.github.victools.jsonschema.generator.SchemaGenerator;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfigBuilder;
import com.github.victools.jsonschema.generator.SchemaVersion;
import dev.tradeloop.events.Event;
import dev.tradeloop.events.EventTypes;
import dev.tradeloop.events.Topic;
import dev.tradeloop.events.Topics;
import dev.tradeloop.events.money.Contracts;
import dev.tradeloop.events.money.Money;
import dev.tradeloop.events.money.Price;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Generates the JSON Schema (draft 2020-12) of every event record and of every topic, as the
 * checked-in files under {@code src/main/resources/schemas} must read. Written from the records
 * themselves, so a reader in another language sees exactly what the Java code writes.
 */
public final class EventSchemaGenerator {

    static final String DECIMAL = "^-?[0-9]+(\\.[0-9]+)?$";
    private static final String BASE_ID = "https://tradeloop.dev/schemas/";

    private final JsonNodeFactory nodes = JsonNodeFactory.instance;
    private final SchemaGenerator generator = new SchemaGenerator(config());
    private final ObjectMapper printer = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** File name to file text, for every event type and every topic. */
    public Map<String, String> generateAll() {
        Map<String, String> files = new LinkedHashMap<>();
        for (Class<? extends Event> type : EventTypes.all()) {
            files.put(type.getSimpleName() + ".schema.json", print(eventSchema(type)));
        }
        for (Topic<?> topic : Topics.eventTopics()) {
            files.put("topic-" + topic.name() + ".schema.json", print(topicSchema(topic)));
        }
        return files;
    }

    private ObjectNode eventSchema(Class<? extends Event> type) {
        ObjectNode generated = generator.generateSchema(type);
        ObjectNode schema = nodes.objectNode();
        schema.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        schema.put("$id", BASE_ID + type.getSimpleName() + ".schema.json");
        schema.put("title", type.getSimpleName());
        schema.put("type", "object");
        ObjectNode properties = schema.putObject("properties");
        properties.putObject("type").put("const", type.getSimpleName());
        properties.putObject("schemaVersion").put("const", EventTypes.schemaVersionOf(type));
        properties.setAll((ObjectNode) generated.get("properties"));
        ArrayNode required = schema.putArray("required").add("type").add("schemaVersion");
        if (generated.has("required")) {
            required.addAll((ArrayNode) generated.get("required"));
        }
        if (generated.has("$defs")) {
            schema.set("$defs", generated.get("$defs"));
        }
        return schema;
    }

    private ObjectNode topicSchema(Topic<?> topic) {
        ObjectNode schema = nodes.objectNode();
        schema.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        schema.put("$id", BASE_ID + "topic-" + topic.name() + ".schema.json");
        schema.put("title", "Values of the topic " + topic.name() + " (key: " + topic.key() + ")");
        ArrayNode oneOf = schema.putArray("oneOf");
        EventTypes.all().stream()
                .filter(topic.valueType()::isAssignableFrom)
                .forEach(type -> oneOf.addObject().put("$ref", type.getSimpleName() + ".schema.json"));
        return schema;
    }

    private String print(ObjectNode schema) {
        try {
            return printer.writeValueAsString(schema) + "\n";
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private SchemaGeneratorConfigBuilder builder() {
        SchemaGeneratorConfigBuilder builder = new SchemaGeneratorConfigBuilder(
                SchemaVersion.DRAFT_2020_12, OptionPreset.PLAIN_JSON)
                .with(Option.FLATTENED_OPTIONALS, Option.FLATTENED_ENUMS,
                        Option.NONPUBLIC_NONSTATIC_FIELDS_WITHOUT_GETTERS,
                        Option.NONPUBLIC_NONSTATIC_FIELDS_WITH_GETTERS)
                .without(Option.SCHEMA_VERSION_INDICATOR, Option.PUBLIC_STATIC_FIELDS,
                        Option.NONPUBLIC_STATIC_FIELDS, Option.NONSTATIC_NONVOID_NONGETTER_METHODS);
        builder.forFields().withRequiredCheck(field -> !field.getType().isInstanceOf(Optional.class));
        builder.forTypesInGeneral().withCustomDefinitionProvider((type, context) -> {
            Class<?> erased = type.getErasedType();
            ObjectNode definition = stringDefinition(erased);
            return definition == null ? null : new CustomDefinition(definition,
                    CustomDefinition.DefinitionType.INLINE, CustomDefinition.AttributeInclusion.NO);
        });
        return builder;
    }

    private com.github.victools.jsonschema.generator.SchemaGeneratorConfig config() {
        return builder().build();
    }

    /** The types that travel as one JSON string, and how that string looks. */
    private ObjectNode stringDefinition(Class<?> type) {
        ObjectNode string = nodes.objectNode().put("type", "string");
        if (type == Price.class) {
            return string.put("pattern", "^(0(\\.[0-9]{1,6})?|1(\\.0{1,6})?)$")
                    .put("description", "dollars in [0, 1], up to 6 decimals, e.g. \"0.5600\"");
        }
        if (type == Money.class) {
            return string.put("pattern", "^-?[0-9]+\\.[0-9]{4,6}$")
                    .put("description", "signed dollars, 4 to 6 decimals, e.g. \"-12.3400\"");
        }
        if (type == Contracts.class) {
            return string.put("pattern", "^[0-9]+\\.[0-9]{2}$")
                    .put("description", "contracts, 2 decimals, e.g. \"10.00\"");
        }
        if (type == BigDecimal.class) {
            return string.put("pattern", DECIMAL).put("description", "an exact decimal number as text");
        }
        if (type == Instant.class) {
            return string.put("format", "date-time");
        }
        if (type == Duration.class) {
            return string.put("format", "duration");
        }
        if (type == UUID.class) {
            return string.put("format", "uuid");
        }
        return null;
    }
}
