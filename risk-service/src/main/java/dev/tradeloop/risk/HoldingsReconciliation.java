package dev.tradeloop.risk;

import dev.tradeloop.events.BalanceReported;
import dev.tradeloop.risk.config.RiskConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Each report of what the exchange holds (read with the balance) is compared with what the positions
 * hold, as the log has it once read to its end; a difference that lasts (see {@link HoldingsCheck})
 * trips the reconciliation breaker: entries stop, a CRITICAL {@code RECONCILIATION_MISMATCH} alert
 * names the markets and figures, until an operator acknowledges it by resetting the breaker.
 */
@ApplicationScoped
public class HoldingsReconciliation {

    private final Portfolio portfolio;
    private final TradingStateAuthority authority;
    private final RiskConfig config;
    private final HoldingsCheck check;

    public HoldingsReconciliation(Portfolio portfolio, TradingStateAuthority authority, RiskConfig config) {
        this.portfolio = portfolio;
        this.authority = authority;
        this.config = config;
        this.check = new HoldingsCheck(config.reconcileAfter());
    }

    /** A report read after the log was caught up (one read while rebuilding is compared with half the positions). */
    public void reported(BalanceReported report) {
        if (!config.reconcileHoldings()) {
            return;
        }
        report.holdings().ifPresent(onExchange -> {
            List<HoldingsCheck.Mismatch> lasting = check.lasting(onExchange, portfolio.heldByMarket(),
                    report.occurredAt());
            if (!lasting.isEmpty()) {
                authority.tripReconciliation("the exchange and the positions have disagreed for "
                        + config.reconcileAfter().toSeconds() + " s or more: " + lasting);
            }
        });
    }
}
