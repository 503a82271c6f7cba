package dev.tradeloop.portfolio.live;

import dev.tradeloop.events.Event;
import dev.tradeloop.events.PositionEvent;
import dev.tradeloop.events.PositionMarked;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Tells every open dashboard what the projection just wrote: after each committed batch, one
 * {@link Change} naming the kinds of events and the positions they touched. The page then reads
 * what it shows again from the REST API, so what it shows is always what the tables hold.
 */
@ApplicationScoped
public class LiveUpdates {

    /** One committed batch of the projection. */
    public record Change(long sequence, List<String> kinds, List<String> positionIds) {
    }

    private final BroadcastProcessor<Change> changes = BroadcastProcessor.create();
    private final AtomicLong sequence = new AtomicLong();

    public void applied(List<Event> events) {
        if (events.isEmpty()) {
            return;
        }
        List<String> kinds = events.stream().map(event -> event.getClass().getSimpleName()).distinct().toList();
        List<String> positions = events.stream().map(LiveUpdates::positionOf).flatMap(Optional::stream).distinct()
                .toList();
        changes.onNext(new Change(sequence.incrementAndGet(), kinds, positions));
    }

    private static Optional<String> positionOf(Event event) {
        return event instanceof PositionEvent position ? Optional.of(position.positionId())
                : event instanceof PositionMarked mark ? Optional.of(mark.positionId()) : Optional.empty();
    }

    public Multi<Change> changes() {
        return changes;
    }
}
