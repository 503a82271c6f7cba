package dev.tradeloop.exchange.model;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/**
 * A Kalshi event: the group of markets on one question (their outcomes are correlated). Series,
 * then event, then market. {@code markets} is filled when asked for.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ExchangeEvent(String eventTicker, String seriesTicker, String title, boolean mutuallyExclusive,
        List<Market> markets) {

    public ExchangeEvent {
        markets = markets == null ? List.of() : List.copyOf(markets);
    }
}
