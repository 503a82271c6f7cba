package dev.tradeloop.monitor.streams;

import dev.tradeloop.rules.position.Position;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The open positions of one stream task, in memory and grouped by market, in front of the task's
 * changelogged store: read at the task's start from the store, then kept in step with it, since this
 * task is the store's only writer. Reads never decode JSON; a change is written to the store (and so
 * to its changelog) only when it is worth keeping: {@link #keep} writes, {@link #update} does not, and
 * {@link #marked} (a mark sent, nothing else) leaves the position for the API in {@link LivePositions}.
 */
final class TaskPositions {

    private final KeyValueStore<String, Position> store;
    private final LivePositions live;
    private final Map<String, Map<String, Position>> byMarket = new HashMap<>();

    TaskPositions(KeyValueStore<String, Position> store, LivePositions live) {
        this.store = store;
        this.live = live;
        try (KeyValueIterator<String, Position> all = store.all()) {
            all.forEachRemaining(entry -> {
                if (!entry.value.closed()) {
                    market(entry.value.marketTicker()).put(entry.key, entry.value);
                }
            });
        }
    }

    /** The open positions on {@code market}. */
    List<Position> on(String market) {
        Map<String, Position> positions = byMarket.get(market);
        return positions == null ? List.of() : List.copyOf(positions.values());
    }

    /** Every open position of the task. */
    List<Position> all() {
        List<Position> all = new ArrayList<>();
        byMarket.values().forEach(positions -> all.addAll(positions.values()));
        return all;
    }

    /** A position, open or closed. */
    Optional<Position> get(String market, String positionId) {
        String key = Position.storeKey(market, positionId);
        Map<String, Position> positions = byMarket.get(market);
        Position held = positions == null ? null : positions.get(key);
        return Optional.ofNullable(held != null ? held : store.get(key));
    }

    /** A change that is written to the store: a closed position leaves memory. */
    void keep(Position position) {
        store.put(position.storeKey(), position);
        live.forget(position);
        update(position);
    }

    /** A change that sent a mark and nothing else: kept in memory, and shown by the API from {@link LivePositions}. */
    void marked(Position position) {
        update(position);
        live.marked(position);
    }

    /** The task leaves this instance (or stops): the API no longer shows its positions from memory. */
    void close() {
        all().forEach(live::forget);
    }

    /** A change kept in memory only (a silent evaluation); the next kept change carries it. */
    void update(Position position) {
        if (position.closed()) {
            Map<String, Position> positions = byMarket.get(position.marketTicker());
            if (positions != null) {
                positions.remove(position.storeKey());
            }
        } else {
            market(position.marketTicker()).put(position.storeKey(), position);
        }
    }

    private Map<String, Position> market(String market) {
        return byMarket.computeIfAbsent(market, m -> new LinkedHashMap<>());
    }
}
