package dev.tradeloop.events.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.tradeloop.events.EventTypes;
import java.math.BigDecimal;

/**
 * The one JSON mapping of the contract. Decimals travel as strings ("0.6200") so no reader parses
 * them into a float; times are RFC 3339, durations ISO 8601; absent optionals are left out.
 * Unknown fields are ignored (a tolerant reader), while {@code schemaVersion} guards real changes.
 */
public final class Json {

    private static final ObjectMapper MAPPER = create();

    private Json() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** A new mapper with the contract's settings, for frameworks that want their own instance. */
    public static ObjectMapper create() {
        SimpleModule decimalsAsText = new SimpleModule("tradeloop-decimals")
                .addSerializer(BigDecimal.class, ToStringSerializer.instance);
        ObjectMapper mapper = JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .addModule(new Jdk8Module())
                .addModule(decimalsAsText)
                .addModule(BoundedDecimals.module())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .serializationInclusion(JsonInclude.Include.NON_ABSENT)
                .build();
        EventTypes.all().forEach(mapper::registerSubtypes);
        return mapper;
    }
}
