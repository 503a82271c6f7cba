package dev.tradeloop.portfolio.rest;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** Query parameters read strictly: a value that is not one the API knows is a {@link BadRequest} naming it. */
final class Params {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;

    private Params() {
    }

    static int limit(String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(value.trim());
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException notANumber) {
            // said below
        }
        throw new BadRequest("limit '" + value + "' is not a whole number from 1 to " + MAX_LIMIT);
    }

    static Optional<LocalDate> date(String name, String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(value.trim()));
        } catch (DateTimeParseException e) {
            throw new BadRequest(name + " '" + value + "' is not a date like 2026-11-24");
        }
    }

    static <E extends Enum<E>> Optional<E> oneOf(String name, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            throw new BadRequest(name + " '" + value + "' is not one of " + Arrays.stream(type.getEnumConstants())
                    .map(Enum::name).collect(Collectors.joining(", ")));
        }
    }

    static Optional<String> text(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }
}
