package dev.tradeloop.ledger;

import dev.tradeloop.events.Event;
import dev.tradeloop.events.Topic;
import java.util.UUID;

/** An event to publish once the ledger change it reports is committed: its topic, key, event and bytes. */
public record Outgoing(String topic, String key, Event event, byte[] payload) {

    public static <V extends Event> Outgoing of(Topic<V> topic, String key, V event) {
        return new Outgoing(topic.name(), key, event, topic.codec().encode(event));
    }

    public UUID eventId() {
        return event.eventId();
    }
}
