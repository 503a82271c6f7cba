package dev.tradeloop.monitor.streams;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The latest value per market of one stream task (its last tick, its last prediction), in memory in
 * front of the task's changelogged store: this task is the store's only writer, so memory and store
 * agree, and a read decodes no JSON. The store is read once per market, after a restart or a
 * rebalance; every write goes to both. Profiled: reading the store on every tick and for every
 * position on each timer round was a third of the stream threads' time, all of it JSON decoding.
 */
final class LatestByMarket<V> {

    private final KeyValueStore<String, V> store;
    private final Map<String, V> latest = new HashMap<>();

    LatestByMarket(KeyValueStore<String, V> store) {
        this.store = store;
    }

    /** The latest value of {@code market}; null when there is none. */
    V get(String market) {
        V value = latest.get(market);
        if (value == null) {
            value = store.get(market);
            if (value != null) {
                latest.put(market, value);
            }
        }
        return value;
    }

    void put(String market, V value) {
        store.put(market, value);
        latest.put(market, value);
    }
}
