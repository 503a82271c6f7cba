package dev.tradeloop.rules;

import dev.tradeloop.events.money.Money;
import java.util.Map;
import java.util.Set;

/**
 * What the risk gate knows of the account when it decides, rebuilt by risk-service from
 * {@code position-events} and {@code fills}: open positions, entries still in flight and positions held
 * (by market),
 * exposure in total and per event, the day's P&amp;L (realized plus unrealized), and the cash balance.
 */
public record PortfolioView(
        int openPositions,
        Set<String> marketsWithEntryInFlight,
        Set<String> marketsHeld,
        Money totalExposure,
        Map<String, Money> exposureByEvent,
        Money dayPnl,
        Money balance) {

    public PortfolioView {
        marketsWithEntryInFlight = Set.copyOf(marketsWithEntryInFlight);
        marketsHeld = Set.copyOf(marketsHeld);
        exposureByEvent = Map.copyOf(exposureByEvent);
    }

    public Money exposureOf(String eventTicker) {
        return exposureByEvent.getOrDefault(eventTicker, Money.ZERO);
    }
}
