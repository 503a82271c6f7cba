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

    /**
     * Kalshi's market statuses (its market lifecycle guide): {@code INACTIVE} is a pause, not a close;
     * {@code DETERMINED} has a result whose settlement timer runs, and which may be {@code DISPUTED}
     * and {@code AMENDED} (the timer restarts); only {@code FINALIZED} has paid.
     */
    public enum Status { INITIALIZED, ACTIVE, INACTIVE, CLOSED, DETERMINED, DISPUTED, AMENDED, FINALIZED }

    private final String ticker;
    private final String eventTicker;
    private final String title;
    private final String priceLevelStructure;
    private final PriceGrid grid;
    private final int shard;
    private final Fees fees;
    private Instant openTime;
    private Instant closeTime;
    private Status status;
    private Optional<String> result = Optional.empty();
    private Contracts volume = Contracts.ZERO;
    private Optional<Price> lastPrice = Optional.empty();
    private Optional<Instant> determinedAt = Optional.empty();
    private Duration settlementTimer = Duration.ZERO;

    public SimMarket(String ticker, String eventTicker, String title, Instant openTime, Instant closeTime) {
        this(ticker, eventTicker, title, openTime, closeTime, "linear_cent", 0);
    }

    /** A market whose prices follow {@code priceLevelStructure} (an unknown one is refused), on {@code shard}. */
    public SimMarket(String ticker, String eventTicker, String title, Instant openTime, Instant closeTime,
            String priceLevelStructure, int shard) {
        this(ticker, eventTicker, title, openTime, closeTime, priceLevelStructure, shard, Fees.STANDARD);
    }

    /** A market as above whose series charges {@code fees}. */
    public SimMarket(String ticker, String eventTicker, String title, Instant openTime, Instant closeTime,
            String priceLevelStructure, int shard, Fees fees) {
        this.fees = fees;
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
            String priceLevelStructure, Integer exchangeIndex, Optional<Instant> determinedAt,
            Duration settlementTimer, String feeType, java.math.BigDecimal feeMultiplier) {
    }

    State state() {
        return new State(ticker, eventTicker, title, openTime, closeTime, status, result, volume, lastPrice,
                priceLevelStructure, shard, determinedAt, settlementTimer, fees.type(), fees.multiplier());
    }

    static SimMarket restore(State state) {
        SimMarket market = new SimMarket(state.ticker(), state.eventTicker(), state.title(), state.openTime(),
                state.closeTime(), state.priceLevelStructure() == null ? "linear_cent" : state.priceLevelStructure(),
                state.exchangeIndex() == null ? 0 : state.exchangeIndex(),
                state.feeType() == null ? Fees.STANDARD : new Fees(state.feeType(), state.feeMultiplier()));
        market.status = state.status();
        market.result = state.result();
        market.volume = state.volume();
        market.lastPrice = state.lastPrice();
        market.determinedAt = state.determinedAt() == null ? Optional.empty() : state.determinedAt();
        market.settlementTimer = state.settlementTimer() == null ? Duration.ZERO : state.settlementTimer();
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

    /** The result is known: the market is determined, and settles once {@code timer} has run. */
    void determine(boolean yesWins, Instant now, Duration timer) {
        if (status == Status.FINALIZED) {
            throw ExchangeRejection.invalid("invalid_parameters", ticker + " is finalized already");
        }
        result = Optional.of(yesWins ? "yes" : "no");
        status = Status.DETERMINED;
        determinedAt = Optional.of(now);
        settlementTimer = timer;
    }

    /** The result is challenged: the settlement timer stops until the market is amended. */
    void dispute() {
        if (status != Status.DETERMINED && status != Status.AMENDED) {
            throw ExchangeRejection.invalid("invalid_parameters", ticker + " is " + status + ": only a determined "
                    + "result can be disputed");
        }
        status = Status.DISPUTED;
    }

    /** A disputed result is re-determined: the settlement timer restarts. */
    void amend(boolean yesWins, Instant now) {
        if (status != Status.DISPUTED) {
            throw ExchangeRejection.invalid("invalid_parameters", ticker + " is " + status + ": only a disputed "
                    + "result can be amended");
        }
        result = Optional.of(yesWins ? "yes" : "no");
        status = Status.AMENDED;
        determinedAt = Optional.of(now);
    }

    /** True when the settlement timer of a determined or amended result has run: the market is finalized. */
    boolean finalizeIfDue(Instant now) {
        boolean due = (status == Status.DETERMINED || status == Status.AMENDED)
                && !now.isBefore(determinedAt.orElseThrow().plus(settlementTimer));
        if (due) {
            status = Status.FINALIZED;
        }
        return due;
    }

    /** The exchange deactivates the market: no order may be placed or amended; cancels still go through. */
    void pause() {
        if (status != Status.ACTIVE) {
            throw ExchangeRejection.invalid("invalid_parameters", ticker + " is " + status + ", not active");
        }
        status = Status.INACTIVE;
    }

    /** The exchange reactivates a paused market (its resting orders are cancelled, as Kalshi does). */
    void resume() {
        if (status != Status.INACTIVE) {
            throw ExchangeRejection.invalid("invalid_parameters", ticker + " is " + status + ", not inactive");
        }
        status = Status.ACTIVE;
    }

    public boolean isTrading() {
        return status == Status.ACTIVE;
    }

    /** Cancels go through while the market trades and while it is paused. */
    public boolean takesCancels() {
        return status == Status.ACTIVE || status == Status.INACTIVE;
    }

    public Duration settlementTimer() {
        return settlementTimer;
    }

    /** What its series charges: the fee type and multiplier. */
    public Fees fees() {
        return fees;
    }

    /** Its series, as Kalshi names them: the event ticker up to its first dash. */
    public String seriesTicker() {
        int dash = eventTicker.indexOf('-');
        return dash < 0 ? eventTicker : eventTicker.substring(0, dash);
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
