package dev.tradeloop.sim.rest;

import java.util.List;

/**
 * One page of a list, with Kalshi's cursor: an opaque string for the next page, empty on the last.
 * The simulator's cursor is the offset of the next item.
 */
record Page<T>(List<T> items, String nextCursor) {

    static <T> Page<T> of(List<T> all, String cursor, int limit) {
        if (limit < 1 || limit > 1000) {
            throw new IllegalArgumentException("limit must be from 1 to 1000, not " + limit);
        }
        int from;
        try {
            from = cursor == null || cursor.isBlank() ? 0 : Integer.parseInt(cursor);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("cursor '" + cursor + "' is not one this exchange issued");
        }
        if (from < 0 || from > all.size()) {
            throw new IllegalArgumentException("cursor '" + cursor + "' is not one this exchange issued");
        }
        int to = Math.min(all.size(), from + limit);
        return new Page<>(all.subList(from, to), to < all.size() ? Integer.toString(to) : "");
    }
}
