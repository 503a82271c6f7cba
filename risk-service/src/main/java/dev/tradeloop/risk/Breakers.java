package dev.tradeloop.risk;

import dev.tradeloop.events.BreakerName;
import dev.tradeloop.events.BreakerState;
import dev.tradeloop.events.OperationalError.ErrorKind;
import dev.tradeloop.events.ResetMode;
import dev.tradeloop.events.TradingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The circuit breakers and the kill switch of the trading rules, and the trading mode they make:
 * the database breaker and a halting kill switch stop everything (HALTED); the daily-loss breaker,
 * the exchange-API breaker, the reconciliation breaker and a flattening kill switch stop entries only (REDUCE_ONLY), and the
 * daily-loss breaker and the flattening kill switch also ask for every position to be closed. Only
 * the exchange-API breaker closes by itself, when its errors have cleared.
 */
public final class Breakers {

    /** What a person asks of the kill switch. */
    public enum KillAction {
        /** Cancel resting orders and stop all trading. */
        HALT,
        /** Close every position with CRITICAL exits; no entries. */
        FLATTEN
    }

    /** One breaker's state; {@code flatten} only for the kill switch. */
    public record Breaker(BreakerName name, boolean open, Optional<Instant> trippedAt, Optional<String> reason,
            boolean flatten) {

        static Breaker closed(BreakerName name) {
            return new Breaker(name, false, Optional.empty(), Optional.empty(), false);
        }

        public BreakerState toState() {
            return new BreakerState(name, open, resetModeOf(name), trippedAt, reason,
                    name == BreakerName.KILL_SWITCH && open ? Optional.of(flatten) : Optional.empty());
        }

        /** The breaker a published state says, as it was when published. */
        public static Breaker of(BreakerState state) {
            return new Breaker(state.name(), state.open(), state.trippedAt(), state.reason(),
                    state.flattens().orElse(false));
        }

        /** The more restrictive of this breaker as stored and as published: an open one beats a closed one. */
        public Breaker orIfOpen(Breaker published) {
            return !open && published.open() ? published : this;
        }
    }

    private final Map<BreakerName, Breaker> breakers = new EnumMap<>(BreakerName.class);
    private final ErrorWindow apiErrors;
    private final ErrorWindow databaseErrors;

    public Breakers(int apiErrorLimit, Duration apiWindow, int databaseErrorLimit, Duration databaseWindow) {
        Arrays.stream(BreakerName.values()).forEach(name -> breakers.put(name, Breaker.closed(name)));
        this.apiErrors = new ErrorWindow(apiErrorLimit, apiWindow);
        this.databaseErrors = new ErrorWindow(databaseErrorLimit, databaseWindow);
    }

    public static ResetMode resetModeOf(BreakerName name) {
        return name == BreakerName.EXCHANGE_API ? ResetMode.AUTOMATIC : ResetMode.MANUAL;
    }

    /** Puts back a breaker as it was stored. */
    public synchronized void restore(Breaker breaker) {
        breakers.put(breaker.name(), breaker);
    }

    /** Counts an error; returns the breaker it tripped, if it tripped one now. */
    public synchronized Optional<Breaker> recordError(ErrorKind kind, Instant at, Instant now) {
        ErrorWindow window = kind == ErrorKind.EXCHANGE_API ? apiErrors : databaseErrors;
        BreakerName name = kind == ErrorKind.EXCHANGE_API ? BreakerName.EXCHANGE_API : BreakerName.DATABASE;
        window.record(at);
        if (breakers.get(name).open() || !window.exceeded(now)) {
            return Optional.empty();
        }
        return Optional.of(trip(name, now, window.describe(now), false));
    }

    /** Trips the reconciliation breaker (entries stop until a person acknowledges); empty when it was already open. */
    public synchronized Optional<Breaker> tripReconciliation(Instant now, String reason) {
        return breakers.get(BreakerName.RECONCILIATION).open() ? Optional.empty()
                : Optional.of(trip(BreakerName.RECONCILIATION, now, reason, false));
    }

    /** Trips the daily-loss breaker; empty when it was already open. */
    public synchronized Optional<Breaker> tripDailyLoss(Instant now, String reason) {
        return breakers.get(BreakerName.DAILY_LOSS).open() ? Optional.empty()
                : Optional.of(trip(BreakerName.DAILY_LOSS, now, reason, true));
    }

    public synchronized Breaker killSwitch(KillAction action, Instant now, String reason) {
        return trip(BreakerName.KILL_SWITCH, now, action + ": " + reason, action == KillAction.FLATTEN);
    }

    /** Closes the exchange-API breaker when its errors have cleared; returns it when it closed now. */
    public synchronized Optional<Breaker> closeIfCleared(Instant now) {
        Breaker api = breakers.get(BreakerName.EXCHANGE_API);
        if (!api.open() || apiErrors.exceeded(now)) {
            return Optional.empty();
        }
        return Optional.of(close(BreakerName.EXCHANGE_API));
    }

    /** A person's reset of a breaker; the caller checks it is not automatic. */
    public synchronized Breaker reset(BreakerName name) {
        return close(name);
    }

    public synchronized Breaker get(BreakerName name) {
        return breakers.get(name);
    }

    public synchronized List<Breaker> all() {
        return List.copyOf(breakers.values());
    }

    public synchronized TradingMode mode() {
        if (isOpen(BreakerName.DATABASE) || (isOpen(BreakerName.KILL_SWITCH) && !get(BreakerName.KILL_SWITCH).flatten())) {
            return TradingMode.HALTED;
        }
        return breakers.values().stream().anyMatch(Breaker::open) ? TradingMode.REDUCE_ONLY : TradingMode.ACTIVE;
    }

    public synchronized boolean flattenAll() {
        return isOpen(BreakerName.DAILY_LOSS) || (isOpen(BreakerName.KILL_SWITCH) && get(BreakerName.KILL_SWITCH).flatten());
    }

    private boolean isOpen(BreakerName name) {
        return breakers.get(name).open();
    }

    private Breaker trip(BreakerName name, Instant now, String reason, boolean flatten) {
        // to the microsecond, as PostgreSQL keeps it: the state read back after a restart is the same
        Instant at = now.truncatedTo(ChronoUnit.MICROS);
        Breaker tripped = new Breaker(name, true, Optional.of(at), Optional.of(reason), flatten);
        breakers.put(name, tripped);
        return tripped;
    }

    private Breaker close(BreakerName name) {
        Breaker closed = Breaker.closed(name);
        breakers.put(name, closed);
        return closed;
    }
}
