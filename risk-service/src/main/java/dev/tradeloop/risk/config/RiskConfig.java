package dev.tradeloop.risk.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** The breakers' thresholds and the operators' token. */
@ConfigMapping(prefix = "tradeloop.risk")
public interface RiskConfig {

    /** The token an operator sends (header {@code X-Operator-Token}) to reset a breaker or use the kill switch; unset, every change is refused. */
    Optional<String> operatorToken();

    /** More exchange API errors than this within {@link #apiErrorWindow()} pause new entries. */
    @WithDefault("5")
    int apiErrorLimit();

    @WithDefault("5m")
    Duration apiErrorWindow();

    /** More database errors than this within {@link #databaseErrorWindow()} pause all trading. */
    @WithDefault("3")
    int databaseErrorLimit();

    @WithDefault("1m")
    Duration databaseErrorWindow();

    /** How long an edge waits for the portfolio to be rebuilt from the log after a start. */
    @WithDefault("60s")
    Duration catchUpTimeout();

    /** How often the day's loss and the automatic breaker are checked. */
    @WithDefault("1s")
    Duration checkInterval();

    /**
     * How long the exchange's holdings and the positions' must disagree, with the same figures, before
     * it is a mismatch that stops entries (a fill is on the exchange a moment before its event arrives).
     */
    @WithDefault("60s")
    Duration reconcileAfter();

    /**
     * Whether the exchange's holdings are reconciled with the positions at all. Off only where the
     * event log is not one account's (the system tests share one log among accounts and tests).
     */
    @WithDefault("true")
    boolean reconcileHoldings();
}
