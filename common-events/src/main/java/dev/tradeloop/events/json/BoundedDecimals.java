package dev.tradeloop.events.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.math.BigDecimal;

/**
 * Every decimal read from JSON (a REST body, an event on any topic) is bounded where it enters: at
 * most {@value #MAX_TEXT} characters, {@value #MAX_PRECISION} significant digits and a scale within
 * ±{@value #MAX_SCALE}, or it is refused with the field named. Unbounded, {@code 1E+300000000} takes
 * hundreds of megabytes to print and {@code 1E-999999999} to compare or subtract; no message is
 * built from a value before it passed here, and the refusal never quotes it.
 */
public final class BoundedDecimals {

    /**
     * Room for every decimal the project writes (the rules divide to 20 significant digits and a
     * trailing stop multiplies such numbers), and a few characters to print at most.
     */
    public static final int MAX_TEXT = 64;
    public static final int MAX_PRECISION = 40;
    public static final int MAX_SCALE = 50;

    private BoundedDecimals() {
    }

    /** The Jackson module that reads every {@link BigDecimal} through {@link #check}. */
    public static SimpleModule module() {
        return new SimpleModule("tradeloop-bounded-decimals").addDeserializer(BigDecimal.class, new Reader());
    }

    /**
     * Parses {@code text} as a bounded decimal; an {@link IllegalArgumentException} says which bound
     * it breaks, without the value.
     */
    public static BigDecimal check(String text) {
        if (text.length() > MAX_TEXT) {
            throw new IllegalArgumentException("a decimal of " + text.length() + " characters is refused (at most "
                    + MAX_TEXT + ")");
        }
        BigDecimal value;
        try {
            value = new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a decimal number");
        }
        if (value.scale() > MAX_SCALE || value.scale() < -MAX_SCALE || value.precision() > MAX_PRECISION) {
            throw new IllegalArgumentException("a decimal beyond " + MAX_PRECISION + " digits or "
                    + MAX_SCALE + " places either side of the point is refused");
        }
        return value;
    }

    private static final class Reader extends JsonDeserializer<BigDecimal> {
        @Override
        public BigDecimal deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            JsonToken token = parser.currentToken();
            if (token != JsonToken.VALUE_NUMBER_FLOAT && token != JsonToken.VALUE_NUMBER_INT
                    && token != JsonToken.VALUE_STRING) {
                return (BigDecimal) context.handleUnexpectedToken(BigDecimal.class, parser);
            }
            try {
                return check(parser.getText());
            } catch (IllegalArgumentException e) {
                throw InvalidFormatException.from(parser, e.getMessage(), "(not shown)", BigDecimal.class);
            }
        }
    }
}
