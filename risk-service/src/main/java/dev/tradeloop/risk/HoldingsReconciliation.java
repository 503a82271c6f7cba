package dev.tradeloop.risk;

import dev.tradeloop.events.BalanceReported;
import dev.tradeloop.events.ReconciliationRun;
import dev.tradeloop.events.Topics;
import dev.tradeloop.risk.config.RiskConfig;
import dev.tradeloop.support.EventPublisher;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

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
    private final EventPublisher publisher;

    public HoldingsReconciliation(Portfolio portfolio, TradingStateAuthority authority, RiskConfig config,
            EventPublisher publisher) {
        this.publisher = publisher;
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
            Map<String, BigDecimal> inPositions = portfolio.heldByMarket();
            List<HoldingsCheck.Mismatch> differing = HoldingsCheck.differences(onExchange, inPositions);
            List<HoldingsCheck.Mismatch> lasting = check.lasting(onExchange, inPositions, report.occurredAt());
            if (!lasting.isEmpty()) {
                authority.tripReconciliation("the exchange and the positions have disagreed for "
                        + config.reconcileAfter().toSeconds() + " s or more: " + lasting);
            }
            Map<String, Integer> figures = new LinkedHashMap<>();
            figures.put("marketsOnExchange", onExchange.size());
            figures.put("marketsInPositions", inPositions.size());
            figures.put("differing", differing.size());
            figures.put("lasting", lasting.size());
            try {
                publisher.publish(Topics.ACCOUNT_BALANCE, "reconciliation-holdings", new ReconciliationRun(
                        UUID.randomUUID(), report.occurredAt(), report.correlationId(), "risk-service", "holdings",
                        figures, differing.stream().map(HoldingsCheck.Mismatch::toString).toList(),
                        Optional.empty()));
            } catch (EventPublisher.PublishFailedException e) {
                Log.warnf("the holdings reconciliation was done but not published: %s", e.getMessage());
            }
        });
    }
}
