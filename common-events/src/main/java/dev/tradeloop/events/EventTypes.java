package dev.tradeloop.events;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The registry of concrete event types, read from the sealed {@link Event} hierarchy so that
 * adding a record to a {@code permits} clause is the only step: the serdes, the schemas and the
 * tests all find it here.
 */
public final class EventTypes {

    private static final Map<String, Class<? extends Event>> BY_NAME = collect();

    private EventTypes() {
    }

    /** Every concrete (record) event type, in declaration order. */
    public static List<Class<? extends Event>> all() {
        return List.copyOf(BY_NAME.values());
    }

    public static Optional<Class<? extends Event>> byName(String type) {
        return Optional.ofNullable(BY_NAME.get(type));
    }

    public static int schemaVersionOf(Class<?> type) {
        SchemaVersion version = type.getAnnotation(SchemaVersion.class);
        return version == null ? 1 : version.value();
    }

    private static Map<String, Class<? extends Event>> collect() {
        List<Class<? extends Event>> found = new ArrayList<>();
        addConcrete(Event.class, found);
        Map<String, Class<? extends Event>> byName = new LinkedHashMap<>();
        for (Class<? extends Event> type : found) {
            if (byName.put(type.getSimpleName(), type) != null) {
                throw new IllegalStateException("two event types are named " + type.getSimpleName());
            }
        }
        return Collections.unmodifiableMap(byName);
    }

    @SuppressWarnings("unchecked")
    private static void addConcrete(Class<?> type, List<Class<? extends Event>> found) {
        if (type.isRecord()) {
            found.add((Class<? extends Event>) type);
            return;
        }
        for (Class<?> permitted : type.getPermittedSubclasses()) {
            addConcrete(permitted, found);
        }
    }
}
