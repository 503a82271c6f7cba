package dev.tradeloop.exchange.model;

import java.util.List;

/** One page of a listing and the cursor of the next one (empty on the last page). */
public record Page<T>(List<T> items, String cursor) {

    public boolean isLast() {
        return cursor == null || cursor.isEmpty();
    }
}
