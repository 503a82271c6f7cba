package dev.tradeloop.rules;

import dev.tradeloop.events.BreakerState;
import dev.tradeloop.events.Edge;
import dev.tradeloop.events.RiskReason;
import dev.tradeloop.events.TradingMode;
import dev.tradeloop.events.TradingState;
import dev.tradeloop.events.money.Contracts;
import dev.tradeloop.events.money.Money;
import dev.tradeloop.events.money.Price;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The risk gate of the trading rules: sizes an edge by fractional Kelly and runs every check,
 * collecting every failure as a stable {@link RiskReason}, so a rejection says all that is wrong
 * with it. Only an entry with no reason at all is approved. Beyond the trading rules' list, a market
 * already held is not entered again: one position per market, so a model's repeated predictions
 * do not pile entries onto one bet.
 */
public final class RiskGate {

    /** The verdict: the size when approved, else every reason it was rejected. */
    public record Decision(Optional<KellySizer.Size> size, List<RiskReason> reasons) {

        public boolean approved() {
            return reasons.isEmpty();
        }
    }

    private RiskGate() {
    }

    public static Decision decide(Edge edge, Method method, PortfolioView portfolio, TradingState state, Instant now) {
        Method.RiskLimits limits = method.risk();
        List<RiskReason> reasons = new ArrayList<>();
        if (Duration.between(edge.occurredAt(), now).compareTo(method.entry().maxPriceAge()) > 0) {
            reasons.add(RiskReason.STALE_SIGNAL); // after an outage, a backlog of old edges is not traded
        }
        if (state.mode() != TradingMode.ACTIVE) {
            reasons.add(RiskReason.TRADING_NOT_ACTIVE);
        }
        if (state.breakers().stream().anyMatch(BreakerState::open)) {
            reasons.add(RiskReason.BREAKER_OPEN);
        }
        if (portfolio.dayPnl().negate().compareTo(limits.dailyLossLimit()) > 0) {
            reasons.add(RiskReason.DAILY_LOSS_LIMIT);
        }
        if (portfolio.openPositions() + portfolio.marketsWithEntryInFlight().size() >= limits.maxOpenPositions()) {
            reasons.add(RiskReason.MAX_OPEN_POSITIONS);
        }
        if (portfolio.marketsWithEntryInFlight().contains(edge.marketTicker())) {
            reasons.add(RiskReason.ENTRY_IN_FLIGHT);
        }
        if (portfolio.marketsHeld().contains(edge.marketTicker())) {
            reasons.add(RiskReason.POSITION_ALREADY_OPEN);
        }
        Price price = edge.targetPrice();
        if (price.compareTo(limits.minOrderPrice()) < 0 || price.compareTo(limits.maxOrderPrice()) > 0) {
            reasons.add(RiskReason.PRICE_OUT_OF_BOUNDS);
        }
        if (Math.abs(price.micros() - edge.ask().micros()) > limits.priceCollar().micros()) {
            reasons.add(RiskReason.PRICE_OUTSIDE_COLLAR);
        }
        Optional<KellySizer.Size> size = KellySizer.size(edge.probability(), price, portfolio.balance(), method.sizing());
        if (size.isEmpty()) {
            reasons.add(RiskReason.NO_KELLY_STAKE);
            return new Decision(Optional.empty(), List.copyOf(reasons));
        }
        Contracts contracts = size.get().contracts();
        Money cost = price.times(contracts);
        if (contracts.compareTo(limits.maxContractsPerOrder()) > 0) {
            reasons.add(RiskReason.ORDER_TOO_LARGE);
        }
        if (portfolio.totalExposure().plus(cost).compareTo(limits.maxTotalExposure()) > 0) {
            reasons.add(RiskReason.MAX_TOTAL_EXPOSURE);
        }
        if (portfolio.exposureOf(edge.eventTicker()).plus(cost).compareTo(limits.maxEventExposure()) > 0) {
            reasons.add(RiskReason.MAX_EVENT_EXPOSURE);
        }
        Money fees = Money.of(edge.feePerContract().toBigDecimal().multiply(
                BigDecimal.valueOf(contracts.hundredths(), Contracts.SCALE)));
        if (cost.plus(fees).compareTo(portfolio.balance()) > 0) {
            reasons.add(RiskReason.INSUFFICIENT_BALANCE);
        }
        return reasons.isEmpty() ? new Decision(size, List.of()) : new Decision(Optional.empty(), List.copyOf(reasons));
    }
}
