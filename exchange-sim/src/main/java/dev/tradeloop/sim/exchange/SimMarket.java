package dev.tradeloop.sim.exchange;

import dev.tradeloop.events.money.Contracts;
import dev.tradeloop.events.money.Price;
import dev.tradeloop.events.money.PriceGrid;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A binary market of the simulator: when it trades, how it stands, how it resolved, its price level
 * structure (one of those Kalshi names; whole cents unless a scenario says otherwise) and the
 * exchange shard it trades on ({@code exchange_index}; 0 unless a scenario says otherwise).
 */
public final class SimMarket {

    /** Kalshi's market statuses, in the order a market goes through them. */
    public enum Status { INITIALIZED, ACTIVE, INACTIVE, CLOSED, DETERMINED, FINALIZED }

    private final String ticker;
    private final String eventTicker;
    private final String title;
    private final String priceLevelStructure;
    private final PriceGrid grid;
    private final int shard;
    private Instant openTime;
    private Instant closeTime;
    private Status status;
    private Optional<String> result = Optional.empty();
    private Contracts volume = Contracts.ZERO;
    private Optional<Price> lastPrice = Optional.empty();

    public SimMarket(String ticker, String eventTicker, String title, Instant openTime, Instant closeTime) {
        this(ticker, eventTicker, title, openTime, closeTime, "linear_cent", 0);
    }

    /** A market whose prices follow {@code priceLevelStructure} (an unknown one is refused), on {@code shard}. */
    public SimMarket(String ticker, String eventTicker, String title, Instant openTime, Instant closeTime,
            String priceLevelStructure, int shard) {
        if (shard < 0) {
            throw new IllegalArgumentException(ticker + ": exchange_index " + shard + " is under 0");
        }
        this.shard = shard;
        this.ticker = ticker;
        this.eventTicker = eventTicker;
        this.title = title;
        this.priceLevelStructure = priceLevelStructure;
        this.grid = PriceGrid.named(priceLevelStructure);
        this.openTime = openTime;
        this.closeTime = closeTime;
        this.status = Status.INITIALIZED;
    }

    /** All a market is, to be kept and restored after a restart. */
    public record State(String ticker, String eventTicker, String title, Instant openTime, Instant closeTime,
            Status status, Optional<String> result, Contracts volume, Optional<Price> lastPrice,
            String priceLevelStructure, Integer exchangeIndex) {
    }

    State state() {
        return new State(ticker, eventTicker, title, openTime, closeTime, status, result, volume, lastPrice,
                priceLevelStructure, shard);
    }

    static SimMarket restore(State state) {
        SimMarket market = new SimMarket(state.ticker(), state.eventTicker(), state.title(), state.openTime(),
                state.closeTime(), state.priceLevelStructure() == null ? "linear_cent" : state.priceLevelStructure(),
                state.exchangeIndex() == null ? 0 : state.exchangeIndex());
        market.status = state.status();
        market.result = state.result();
        market.volume = state.volume();
        market.lastPrice = state.lastPrice();
        return market;
    }

    /** Brings the status up to date with the clock: opens at open time, closes at close time; true if it moved. */
    boolean advanceTo(Instant now) {
        Status before = status;
        if (status == Status.INITIALIZED && !now.isBefore(openTime)) {
            status = Status.ACTIVE;
        }
        if ((status == Status.ACTIVE || status == Status.INACTIVE) && !now.isBefore(closeTime)) {
            status = Status.CLOSED;
        }
        return status != before;
    }

    /** Moves the market's open and close times later by {@code pause} (a scenario that was paused). */
    void postpone(Duration pause) {
        openTime = openTime.plus(pause);
        closeTime = closeTime.plus(pause);
    }

    void recordTrade(Price yesPrice, Contracts count) {
        volume = volume.plus(count);
        lastPrice = Optional.of(yesPrice);
    }

    void determine(boolean yesWins) {
        result = Optional.of(yesWins ? "yes" : "no");
        status = Status.FINALIZED;
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
    public String priceLevelStructure() { return priceLevelStructure; }
    public PriceGrid grid() { return grid; }
    public int shard() { return shard; }
}
