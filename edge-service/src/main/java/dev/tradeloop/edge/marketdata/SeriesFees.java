package dev.tradeloop.edge.marketdata;

import dev.tradeloop.exchange.model.Series;
import dev.tradeloop.exchange.rest.KalshiClient;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What each event's series charges, read from the exchange once per event ({@code GET /events},
 * for its series) and once per series ({@code GET /series}). A failed read is not kept: it is
 * tried again the next time it is asked.
 */
final class SeriesFees {

    private final Map<String, String> seriesOfEvent = new ConcurrentHashMap<>();
    private final Map<String, Series> series = new ConcurrentHashMap<>();

    /** The series of {@code eventTicker}; throws the exchange's error when it cannot be read. */
    Series of(KalshiClient rest, String eventTicker) {
        String seriesTicker = seriesOfEvent.get(eventTicker);
        if (seriesTicker == null) {
            seriesTicker = rest.event(eventTicker).seriesTicker();
            seriesOfEvent.put(eventTicker, seriesTicker);
        }
        Series known = series.get(seriesTicker);
        if (known == null) {
            known = rest.series(seriesTicker);
            series.put(seriesTicker, known);
        }
        return known;
    }
}
