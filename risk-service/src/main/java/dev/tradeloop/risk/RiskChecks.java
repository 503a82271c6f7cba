package dev.tradeloop.risk;

import dev.tradeloop.events.money.Money;
import dev.tradeloop.risk.config.RiskConfig;
import dev.tradeloop.risk.messaging.PortfolioFeed;
import dev.tradeloop.support.TradingMethods;
import dev.tradeloop.support.Workers;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * What the breakers watch between events, every second: the day's loss (realized plus unrealized,
 * less what an operator accepted when resetting the breaker) against the account's limit, the strictest daily-loss limit of the methods in force, and whether the
 * exchange-API errors have cleared so that breaker can close by itself.
 */
@ApplicationScoped
public class RiskChecks {

    private final TradingStateAuthority authority;
    private final Portfolio portfolio;
    private final PortfolioFeed feed;
    private final Money dailyLossLimit;
    private final RiskConfig config;
    private final Clock clock;
    private volatile Instant lastCheck;
    private final Workers workers;

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            runnable -> new Thread(runnable, "risk-checks"));

    public RiskChecks(TradingStateAuthority authority, Portfolio portfolio, PortfolioFeed feed, TradingMethods methods,
            RiskConfig config, Clock clock, Workers workers) {
        this.workers = workers;
        this.authority = authority;
        this.portfolio = portfolio;
        this.feed = feed;
        this.config = config;
        this.clock = clock;

        this.dailyLossLimit = methods.active().stream().map(m -> m.risk().dailyLossLimit())
                .min(Money::compareTo).orElseThrow();
    }

    void onStart(@Observes StartupEvent start) {
        long every = config.checkInterval().toMillis();
        timer.scheduleWithFixedDelay(workers.rounds("risk-checks", this::check), every, every,
                TimeUnit.MILLISECONDS);
    }

    void onStop(@Observes ShutdownEvent stop) {
        timer.shutdownNow();
    }

    void check() {
        try {
            lastCheck = clock.instant();
            authority.storeUnstored();
            authority.closeAutomaticIfCleared();
            if (!feed.isCaughtUp()) {
                return;
            }
            LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
            Money loss = portfolio.dayPnl(today).negate();
            Money accepted = authority.acknowledgedLoss(today);
            if (loss.minus(accepted).compareTo(dailyLossLimit) > 0) {
                authority.tripDailyLoss("the day's loss " + loss + " is past the limit " + dailyLossLimit
                        + (accepted.micros() > 0 ? " beyond the " + accepted + " accepted at the last reset" : ""));
            }
        } catch (RuntimeException e) {
            Log.errorf(e, "the risk checks failed this round");
        }
    }

    /** When the checks last ran; empty before the first round. */
    public Optional<Instant> lastCheck() {
        return Optional.ofNullable(lastCheck);
    }

    /** The account-wide daily loss limit in force. */
    public Money dailyLossLimit() {
        return dailyLossLimit;
    }
}
