package dev.tradeloop.sim.rest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One page of a list, with Kalshi's cursor: an opaque string for the next page, empty on the last.
 * The simulator's cursor is the offset of the next item.
 */
record Page<T>(List<T> items, String nextCursor) {

    /** Kalshi's answer for a page: {@code {"<name>": [...], "cursor": "..."}}. */
    Map<String, Object> body(String name) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(name, items);
        body.put("cursor", nextCursor);
        return body;
    }

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
