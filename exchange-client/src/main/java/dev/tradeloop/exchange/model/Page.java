package dev.tradeloop.exchange.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** One page of a listing and the cursor of the next one (empty on the last page). */
public record Page<T>(List<T> items, String cursor) {

    public boolean isLast() {
        return cursor == null || cursor.isEmpty();
    }

    /** Every item of a listing, reading {@code pages} from the first (no cursor) to the last. */
    public static <T> List<T> all(Function<Optional<String>, Page<T>> pages) {
        List<T> items = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        do {
            Page<T> page = pages.apply(cursor);
            items.addAll(page.items());
            cursor = page.isLast() ? Optional.empty() : Optional.of(page.cursor());
        } while (cursor.isPresent());
        return items;
    }
}
