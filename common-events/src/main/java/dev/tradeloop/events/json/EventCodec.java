package dev.tradeloop.events.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tradeloop.events.Event;
import dev.tradeloop.events.EventTypes;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Turns the events of one topic to JSON bytes and back. Decoding checks, in order: JSON object,
 * known {@code type}, a type this topic carries, a readable {@code schemaVersion}, every required
 * field present, then every value valid; the first failure is an {@link EventDecodingException}
 * with its reason, so a consumer can dead-letter the message and go on.
 */
public final class EventCodec<T extends Event> {

    private final String topic;
    private final Class<T> valueType;
    private final ObjectMapper mapper;

    public EventCodec(String topic, Class<T> valueType) {
        this.topic = topic;
        this.valueType = valueType;
        this.mapper = Json.mapper();
    }

    public Class<T> valueType() {
        return valueType;
    }

    public byte[] encode(T event) {
        try {
            return mapper.writeValueAsBytes(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + event.type() + " for " + topic, e);
        }
    }

    public T decode(byte[] bytes) {
        if (bytes == null) {
            throw failure(DecodeFailure.MALFORMED_JSON, "the value is null (a tombstone)");
        }
        ObjectNode json = readObject(bytes);
        Class<? extends Event> type = typeOf(json);
        checkSchemaVersion(json, type);
        requireFields(json, type, "");
        try {
            return valueType.cast(mapper.treeToValue(json, type));
        } catch (JsonMappingException e) {
            throw failure(DecodeFailure.INVALID_VALUE, "at " + path(e) + ": " + rootMessage(e));
        } catch (IllegalArgumentException e) {
            throw failure(DecodeFailure.INVALID_VALUE, rootMessage(e));
        } catch (JsonProcessingException e) {
            throw failure(DecodeFailure.MALFORMED_JSON, e.getOriginalMessage());
        }
    }

    private ObjectNode readObject(byte[] bytes) {
        JsonNode node;
        try {
            node = mapper.readTree(bytes);
        } catch (IOException e) {
            String reason = e instanceof JsonProcessingException jpe ? jpe.getOriginalMessage() : e.getMessage();
            throw failure(DecodeFailure.MALFORMED_JSON, "not valid JSON: " + firstLine(reason));
        }
        if (!(node instanceof ObjectNode object)) {
            throw failure(DecodeFailure.MALFORMED_JSON, "not a JSON object");
        }
        return object;
    }

    private Class<? extends Event> typeOf(ObjectNode json) {
        JsonNode type = json.get("type");
        if (type == null || !type.isTextual()) {
            throw failure(DecodeFailure.UNKNOWN_TYPE, "the field 'type' is missing");
        }
        Class<? extends Event> known = EventTypes.byName(type.asText()).orElseThrow(() ->
                failure(DecodeFailure.UNKNOWN_TYPE, "unknown event type '" + type.asText() + "'"));
        if (!valueType.isAssignableFrom(known)) {
            throw failure(DecodeFailure.WRONG_TYPE_FOR_TOPIC, "a " + known.getSimpleName()
                    + " does not belong here; this topic carries " + valueType.getSimpleName());
        }
        return known;
    }

    private void checkSchemaVersion(ObjectNode json, Class<? extends Event> type) {
        JsonNode version = json.get("schemaVersion");
        int supported = EventTypes.schemaVersionOf(type);
        if (version == null || !version.canConvertToExactIntegral()) {
            throw failure(DecodeFailure.UNSUPPORTED_SCHEMA_VERSION, "the field 'schemaVersion' is missing");
        }
        if (version.asInt() != supported) {
            throw failure(DecodeFailure.UNSUPPORTED_SCHEMA_VERSION, type.getSimpleName() + " schemaVersion "
                    + version.asText() + " is not supported (this build reads " + supported + ")");
        }
    }

    /** Every record component that is not an {@link Optional} must be present and not null. */
    private void requireFields(JsonNode json, Class<?> type, String prefix) {
        for (RequiredField required : REQUIRED_FIELDS.get(type)) {
            JsonNode value = json.get(required.name());
            if (value == null || value.isNull()) {
                throw failure(DecodeFailure.MISSING_FIELD, "the field '" + prefix + required.name() + "' is missing");
            }
            if (required.nested() && value.isObject()) {
                requireFields(value, required.type(), prefix + required.name() + ".");
            }
        }
    }

    /**
     * A record's required fields, read by reflection once per type ({@link Class#getRecordComponents}
     * parses the class's signatures at every call: done per message, it cost more than the JSON).
     */
    private static final ClassValue<List<RequiredField>> REQUIRED_FIELDS = new ClassValue<>() {
        @Override
        protected List<RequiredField> computeValue(Class<?> type) {
            return Arrays.stream(type.getRecordComponents())
                    .filter(component -> component.getType() != Optional.class)
                    .map(component -> new RequiredField(component.getName(), component.getType(),
                            component.getType().isRecord() && !isValueType(component.getType())))
                    .toList();
        }
    };

    /** A field that must be there; {@code nested}: a record whose own fields are checked in turn. */
    private record RequiredField(String name, Class<?> type, boolean nested) {
    }

    /** Records that travel as a single JSON string (prices, money, counts). */
    private static boolean isValueType(Class<?> type) {
        return type.getPackageName().endsWith(".money");
    }

    private EventDecodingException failure(DecodeFailure reason, String detail) {
        return new EventDecodingException(reason, topic + ": " + detail);
    }

    private static String path(JsonMappingException e) {
        String path = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."));
        return path.isEmpty() ? "the top level" : path;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root instanceof JsonProcessingException jpe ? jpe.getOriginalMessage() : root.getMessage();
        return firstLine(message == null ? root.getClass().getSimpleName() : message);
    }

    private static String firstLine(String text) {
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }
}
