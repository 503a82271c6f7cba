package dev.tradeloop.edge;

import dev.tradeloop.events.Prediction;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The latest prediction per market, as read from {@code predictions}; an older one never replaces a newer. */
@ApplicationScoped
public class LatestPredictions {

    private final Map<String, Prediction> byMarket = new ConcurrentHashMap<>();

    public void accept(Prediction prediction) {
        byMarket.merge(prediction.marketTicker(), prediction,
                (held, next) -> next.occurredAt().isBefore(held.occurredAt()) ? held : next);
    }

    public Optional<Prediction> of(String marketTicker) {
        return Optional.ofNullable(byMarket.get(marketTicker));
    }
}
