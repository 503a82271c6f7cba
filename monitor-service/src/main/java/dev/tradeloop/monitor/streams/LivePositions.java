package dev.tradeloop.monitor.streams;

import dev.tradeloop.rules.position.Position;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The open positions of this instance's tasks that sent a mark since their store entry was last
 * written, as they were when they sent it. A mark alone is not written to the positions store: it
 * changes nothing the store must keep (after a restart a mark is sent again, by the method's rules, at the
 * latest after {@code mark_interval_seconds}), and
 * writing it cost a store write and a changelog record for every mark. The API reads a position from
 * here when it is newer than its store entry, so it shows the mark last sent, as the dashboard does.
 */
public final class LivePositions {

    private final Map<String, Position> marked = new ConcurrentHashMap<>();

    void marked(Position position) {
        marked.put(position.storeKey(), position);
    }

    void forget(Position position) {
        marked.remove(position.storeKey());
    }

    /** {@code stored}, or the same position as it was when it last sent a mark, unless stored was evaluated later. */
    public Position latest(Position stored) {
        Position live = marked.get(stored.storeKey());
        if (live == null || stored.closed()) {
            return stored;
        }
        Instant liveAt = live.evaluatedAt().orElse(Instant.EPOCH);
        return stored.evaluatedAt().filter(liveAt::isBefore).isPresent() ? stored : live;
    }
}
