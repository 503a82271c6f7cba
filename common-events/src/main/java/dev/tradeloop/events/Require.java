package dev.tradeloop.events;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/** The checks the records' compact constructors share; each message names the field. */
final class Require {

    private Require() {
    }

    static <T> T present(T value, String field) {
        if (value == null) {
            throw new IllegalArgumentException(field + " is missing");
        }
        return value;
    }

    static String text(String value, String field) {
        if (present(value, field).isBlank()) {
            throw new IllegalArgumentException(field + " is blank");
        }
        return value;
    }

    /** A probability, a confidence or a fraction: exact, within [0, 1]. */
    static BigDecimal unitInterval(BigDecimal value, String field) {
        present(value, field);
        if (value.signum() < 0 || value.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException(field + " " + shown(value) + " is outside [0, 1]");
        }
        return value;
    }

    /** A decimal as a message may show it: in full when it is small, else only its size (never expanded). */
    static String shown(BigDecimal value) {
        boolean small = Math.abs(value.scale()) <= dev.tradeloop.events.json.BoundedDecimals.MAX_SCALE
                && value.precision() <= dev.tradeloop.events.json.BoundedDecimals.MAX_PRECISION;
        return small ? value.toPlainString() : "(a number of " + value.precision() + " digits, scale " + value.scale() + ")";
    }

    static long nonNegative(long value, String field) {
        if (value < 0) {
            throw new IllegalArgumentException(field + " " + value + " is negative");
        }
        return value;
    }

    /** An absent optional field arrives as null from some decoders; it means empty. */
    static <T> Optional<T> optional(Optional<T> value) {
        return value == null ? Optional.empty() : value;
    }

    static <T> List<T> list(List<T> value, String field) {
        return List.copyOf(present(value, field));
    }
}
