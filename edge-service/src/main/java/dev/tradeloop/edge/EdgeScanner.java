package dev.tradeloop.edge;

import dev.tradeloop.events.Edge;
import dev.tradeloop.events.MethodRef;
import dev.tradeloop.events.Prediction;
import dev.tradeloop.events.PriceTick;
import dev.tradeloop.rules.EdgeFinder;
import dev.tradeloop.rules.Method;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Looks for edges whenever a market's price or its prediction changes: the latest tick (a tick whose
 * sequence is not above the last one is a duplicate or stale, and dropped) against the latest
 * prediction, under every method in force. A prediction is acted on once per method: when it has
 * shown an edge, later ticks do not repeat it; a new prediction can.
 */
public final class EdgeScanner {

    /** What one input produced: the edges to publish, and what was skipped and why. */
    public record Scan(List<Edge> edges, Map<MethodRef, List<EdgeFinder.Skip>> skipped) {

        static Scan none() {
            return new Scan(List.of(), Map.of());
        }
    }

    private final List<Method> methods;
    private final LatestPredictions predictions;
    private final Map<String, PriceTick> ticks = new HashMap<>();
    private final Map<String, UUID> actedOn = new HashMap<>();

    public EdgeScanner(List<Method> methods, LatestPredictions predictions) {
        this.methods = List.copyOf(methods);
        this.predictions = predictions;
    }

    /** A new tick: empty when it is a duplicate or older than the one held. */
    public synchronized Optional<Scan> onTick(PriceTick tick, Instant now) {
        PriceTick held = ticks.get(tick.marketTicker());
        if (held != null && tick.sequence() <= held.sequence()) {
            return Optional.empty();
        }
        ticks.put(tick.marketTicker(), tick);
        return Optional.of(predictions.of(tick.marketTicker()).map(p -> scan(p, tick, now)).orElseGet(Scan::none));
    }

    /** A new prediction, scanned against the market's latest tick if there is one. */
    public synchronized Scan onPrediction(Prediction prediction, Instant now) {
        predictions.accept(prediction);
        Optional<Prediction> latest = predictions.of(prediction.marketTicker())
                .filter(p -> p.eventId().equals(prediction.eventId()));
        PriceTick tick = ticks.get(prediction.marketTicker());
        return latest.isPresent() && tick != null ? scan(prediction, tick, now) : Scan.none();
    }

    private Scan scan(Prediction prediction, PriceTick tick, Instant now) {
        List<Edge> edges = new ArrayList<>();
        Map<MethodRef, List<EdgeFinder.Skip>> skipped = new HashMap<>();
        for (Method method : methods) {
            String key = tick.marketTicker() + "|" + method.ref();
            if (prediction.eventId().equals(actedOn.get(key))) {
                continue;
            }
            EdgeFinder.Verdict verdict = EdgeFinder.evaluate(prediction, tick, method, now);
            if (verdict.opportunity().isEmpty()) {
                skipped.put(method.ref(), verdict.skipped());
                continue;
            }
            actedOn.put(key, prediction.eventId());
            edges.add(edgeOf(verdict.opportunity().get(), prediction, tick, method.ref(), now));
        }
        return new Scan(List.copyOf(edges), Map.copyOf(skipped));
    }

    private static Edge edgeOf(EdgeFinder.Opportunity opportunity, Prediction prediction, PriceTick tick,
            MethodRef method, Instant now) {
        UUID id = UUID.randomUUID();
        return new Edge(id, now, "edge-" + id, tick.marketTicker(), tick.eventTicker(), opportunity.side(),
                opportunity.probability(), prediction.confidence(), opportunity.ask(), opportunity.feePerContract(),
                opportunity.edge(), opportunity.ask(), method, prediction.eventId(), tick.eventId(), tick.exchangeIndex());
    }
}
