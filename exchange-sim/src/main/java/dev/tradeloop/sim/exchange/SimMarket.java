package dev.tradeloop.sim.exchange;

import dev.tradeloop.events.money.Contracts;
import dev.tradeloop.events.money.Price;
import java.time.Instant;
import java.util.Optional;

/** A binary market of the simulator: when it trades, how it stands, how it resolved. */
public final class SimMarket {

    /** Kalshi's market statuses, in the order a market goes through them. */
    public enum Status { INITIALIZED, ACTIVE, INACTIVE, CLOSED, DETERMINED, FINALIZED }

    private final String ticker;
    private final String eventTicker;
    private final String title;
    private final Instant openTime;
    private Instant closeTime;
    private Status status;
    private Optional<String> result = Optional.empty();
    private Contracts volume = Contracts.ZERO;
    private Optional<Price> lastPrice = Optional.empty();

    public SimMarket(String ticker, String eventTicker, String title, Instant openTime, Instant closeTime) {
        this.ticker = ticker;
        this.eventTicker = eventTicker;
        this.title = title;
        this.openTime = openTime;
        this.closeTime = closeTime;
        this.status = Status.INITIALIZED;
    }

    /** Brings the status up to date with the clock: opens at open time, closes at close time. */
    void advanceTo(Instant now) {
        if (status == Status.INITIALIZED && !now.isBefore(openTime)) {
            status = Status.ACTIVE;
        }
        if ((status == Status.ACTIVE || status == Status.INACTIVE) && !now.isBefore(closeTime)) {
            status = Status.CLOSED;
        }
    }

    void recordTrade(Price yesPrice, Contracts count) {
        volume = volume.plus(count);
        lastPrice = Optional.of(yesPrice);
    }

    void determine(boolean yesWins) {
        result = Optional.of(yesWins ? "yes" : "no");
        status = Status.FINALIZED;
    }

    void setStatus(Status status) {
        this.status = status;
    }

    public boolean isTrading() {
        return status == Status.ACTIVE;
    }

    public String ticker() { return ticker; }
    public String eventTicker() { return eventTicker; }
    public String title() { return title; }
    public Instant openTime() { return openTime; }
    public Instant closeTime() { return closeTime; }
    public Status status() { return status; }
    public Optional<String> result() { return result; }
    public Contracts volume() { return volume; }
    public Optional<Price> lastPrice() { return lastPrice; }
}
