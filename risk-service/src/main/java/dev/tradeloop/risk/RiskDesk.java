package dev.tradeloop.risk;

import dev.tradeloop.events.ApprovedTrade;
import dev.tradeloop.events.ClientOrderIds;
import dev.tradeloop.events.Edge;
import dev.tradeloop.events.OperationalError.ErrorKind;
import dev.tradeloop.events.RiskDecision;
import dev.tradeloop.events.RiskOutcome;
import dev.tradeloop.events.RiskReason;
import dev.tradeloop.events.Topics;
import dev.tradeloop.risk.config.RiskConfig;
import dev.tradeloop.risk.messaging.PortfolioFeed;
import dev.tradeloop.risk.persistence.DecisionRepository;
import dev.tradeloop.rules.KellySizer;
import dev.tradeloop.rules.Method;
import dev.tradeloop.rules.PortfolioView;
import dev.tradeloop.rules.RiskGate;
import dev.tradeloop.support.EventPublisher;
import dev.tradeloop.support.OperationalErrors;
import dev.tradeloop.support.Retries;
import dev.tradeloop.support.TradingMethods;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The only gate to an entry. For each edge: the method it was found under, the portfolio rebuilt
 * from the log, the trading state; the risk gate's verdict; then the decision is stored (the audit,
 * and what makes a retry after a crash republish the same events) and published: an approval as an
 * {@code approved-trades} event with a new position id and its entry plan, and every verdict as a
 * {@code risk-decisions} event with its reason codes. Without the data to decide (an unknown method,
 * no balance yet, the database failing 3 times), the edge is rejected, never approved.
 */
@ApplicationScoped
public class RiskDesk {

    private final TradingMethods methods;
    private final Portfolio portfolio;
    private final PortfolioFeed feed;
    private final TradingStateAuthority authority;
    private final DecisionRepository decisions;
    private final EventPublisher publisher;
    private final OperationalErrors errors;
    private final RiskConfig config;
    private final Clock clock;

    public RiskDesk(TradingMethods methods, Portfolio portfolio, PortfolioFeed feed, TradingStateAuthority authority,
            DecisionRepository decisions, EventPublisher publisher, OperationalErrors errors, RiskConfig config,
            Clock clock) {
        this.methods = methods;
        this.portfolio = portfolio;
        this.feed = feed;
        this.authority = authority;
        this.decisions = decisions;
        this.publisher = publisher;
        this.errors = errors;
        this.config = config;
        this.clock = clock;
    }

    public synchronized void decide(Edge edge) throws InterruptedException {
        Optional<DecisionRepository.Stored> earlier = storedDecisionOf(edge);
        if (earlier.isPresent()) {
            Log.infof("edge %s was decided before; publishing that decision again", edge.eventId());
            publish(earlier.get().decision(), earlier.get().trade());
            return;
        }
        if (!feed.awaitCaughtUp(config.catchUpTimeout())) {
            publish(rejection(edge, List.of(RiskReason.RISK_DATA_UNAVAILABLE)), Optional.empty());
            return;
        }
        Optional<Method> method = methods.get(edge.method());
        Optional<PortfolioView> view = portfolio.view(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC),
                edge.shard());
        if (method.isEmpty() || view.isEmpty()) {
            Log.warnf("cannot decide edge %s: %s", edge.eventId(),
                    method.isEmpty() ? "method " + edge.method() + " is unknown here" : "no balance reported yet");
            publish(rejection(edge, List.of(RiskReason.RISK_DATA_UNAVAILABLE)), Optional.empty());
            return;
        }
        RiskGate.Decision verdict = RiskGate.decide(edge, method.get(), view.get(), authority.current(),
                clock.instant());
        RiskDecision decision;
        Optional<ApprovedTrade> trade = Optional.empty();
        if (verdict.approved()) {
            KellySizer.Size size = verdict.size().orElseThrow();
            trade = Optional.of(approvedTrade(edge, method.get(), size));
            decision = new RiskDecision(UUID.randomUUID(), clock.instant(), edge.correlationId(), edge.marketTicker(),
                    edge.eventId(), edge.edge(), RiskOutcome.APPROVED, List.of(), Optional.of(trade.get().positionId()),
                    Optional.of(size.contracts()), Optional.of(size.stake()), edge.method());
        } else {
            decision = rejection(edge, verdict.reasons());
        }
        if (!store(decision, trade)) {
            decision = rejection(edge, List.of(RiskReason.RISK_DATA_UNAVAILABLE));
            trade = Optional.empty();
        }
        trade.ifPresent(portfolio::apply);
        publish(decision, trade);
    }

    private ApprovedTrade approvedTrade(Edge edge, Method method, KellySizer.Size size) {
        String positionId = ClientOrderIds.newPositionId();
        return new ApprovedTrade(UUID.randomUUID(), clock.instant(), edge.correlationId(), positionId,
                edge.marketTicker(), edge.eventTicker(), edge.side(), size.contracts(), size.stake(), edge.confidence(),
                EntryPlans.of(edge.targetPrice(), method), edge.method(), edge.eventId());
    }

    private RiskDecision rejection(Edge edge, List<RiskReason> reasons) {
        return new RiskDecision(UUID.randomUUID(), clock.instant(), edge.correlationId(), edge.marketTicker(),
                edge.eventId(), edge.edge(), RiskOutcome.REJECTED, reasons, Optional.empty(), Optional.empty(), Optional.empty(),
                edge.method());
    }

    private Optional<DecisionRepository.Stored> storedDecisionOf(Edge edge) {
        try {
            return Retries.withBackoff(3, Duration.ofMillis(100), () -> decisions.findByEdge(edge.eventId()));
        } catch (Exception e) {
            errors.report(ErrorKind.DATABASE, "read risk decision", e.getMessage(), edge.correlationId());
            return Optional.empty();
        }
    }

    /** Stores the decision (3 tries with backoff); false when the database would not take it. */
    private boolean store(RiskDecision decision, Optional<ApprovedTrade> trade) {
        try {
            Retries.withBackoff(3, Duration.ofMillis(100), () -> {
                decisions.insert(decision, trade);
                return null;
            });
            return true;
        } catch (Exception e) {
            errors.report(ErrorKind.DATABASE, "store risk decision", e.getMessage(), decision.correlationId());
            return false;
        }
    }

    private void publish(RiskDecision decision, Optional<ApprovedTrade> trade) {
        trade.ifPresent(t -> publisher.publish(Topics.APPROVED_TRADES, t.positionId(), t));
        publisher.publish(Topics.RISK_DECISIONS, decision.marketTicker(), decision);
        Instant now = clock.instant();
        if (trade.isPresent()) {
            ApprovedTrade t = trade.get();
            Log.infof("approved %s: buy %s %s of %s at %s (stake %s)", t.positionId(), t.contracts(),
                    t.side(), t.marketTicker(), t.plan().limitPrice(), t.stake());
        } else {
            Log.infof("rejected edge %s on %s: %s at %s", decision.edgeEventId(),
                    decision.marketTicker(), decision.reasons(), now);
        }
    }
}
