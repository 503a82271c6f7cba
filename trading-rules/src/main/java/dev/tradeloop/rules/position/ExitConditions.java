package dev.tradeloop.rules.position;

import dev.tradeloop.events.ExitReason;
import dev.tradeloop.events.money.Contracts;
import dev.tradeloop.rules.Method;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The ten exit conditions of the trading rules, every one evaluated on every evaluation: each that
 * fires is reported with the quantity it would sell. With partial exits enabled the ladder takes the
 * profit target's place (the profit target then does not fire), and a stage never fires twice.
 */
public final class ExitConditions {

    /** A condition that fired, the quantity it sells, and the partial-exit stage (from 1) if it is one. */
    public record Fired(ExitReason reason, Contracts quantity, Optional<Integer> stage) {
    }

    /**
     * Everything an evaluation looks at: the holding and its value, the stop, the market, the time,
     * the model's current probability for the held side (if any), whether every position must be
     * closed (the daily-loss breaker), the partial-exit stages done, and the best edge waiting for
     * capital elsewhere (if any).
     */
    public record Inputs(Holding holding, Holding.Valuation valuation, TrailingStop trailingStop, MarketView market,
            Instant now, Optional<BigDecimal> probability, boolean circuitBreaker, Set<Integer> stagesDone,
            Map<Integer, Contracts> stageSold, Optional<BigDecimal> waitingEdge, BigDecimal confidence) {
    }

    private ExitConditions() {
    }

    public static List<Fired> evaluate(Inputs in, Method method) {
        Method.Exits exits = method.exits();
        Contracts all = in.holding().count();
        Holding.Valuation value = in.valuation();
        List<Fired> fired = new ArrayList<>();
        if (value.comparePnlPct(exits.stopLossPct()) < 0) {
            fired.add(whole(ExitReason.STOP_LOSS, all));
        }
        if (in.circuitBreaker()) {
            fired.add(whole(ExitReason.CIRCUIT_BREAKER, all));
        }
        if (in.trailingStop().fires(in.valuation().mark())) {
            fired.add(whole(ExitReason.TRAILING_STOP, all));
        }
        if (Duration.between(in.now(), in.market().closeTime()).compareTo(exits.urgentBeforeClose()) < 0) {
            fired.add(whole(ExitReason.TIME_BASED_URGENT, all));
        }
        if (in.market().spreadMicros() > exits.liquidity().maxSpread().micros()
                || in.market().volume().compareTo(exits.liquidity().minVolume()) < 0) {
            fired.add(whole(ExitReason.LIQUIDITY_DRIED_UP, all));
        }
        if (!exits.partialExits().enabled() && value.comparePnlPct(profitTarget(exits, in.confidence())) >= 0) {
            fired.add(whole(ExitReason.PROFIT_TARGET, all));
        }
        if (exits.partialExits().enabled()) {
            nextStage(in, exits.partialExits()).ifPresent(fired::add);
        }
        in.probability().map(p -> p.subtract(in.valuation().mark().toBigDecimal())).ifPresent(edge -> {
            if (edge.compareTo(exits.earlyExitEdge()) < 0) {
                fired.add(whole(ExitReason.EARLY_EXIT, all));
            }
            if (edge.signum() < 0) {
                fired.add(whole(ExitReason.EDGE_DISAPPEARED, all));
            }
        });
        BigDecimal currentEdge = in.probability().map(p -> p.subtract(in.valuation().mark().toBigDecimal()))
                .orElse(BigDecimal.ZERO);
        boolean betterWaiting = in.waitingEdge().filter(waiting -> waiting.compareTo(currentEdge) > 0).isPresent();
        if (value.comparePnlPct(BigDecimal.ZERO) > 0 && betterWaiting) {
            fired.add(whole(ExitReason.REBALANCE, all));
        }
        return List.copyOf(fired);
    }

    /** The profit target of the position's confidence band: high, medium or low. */
    public static BigDecimal profitTarget(Method.Exits exits, BigDecimal confidence) {
        if (confidence.compareTo(exits.confidenceBands().high()) >= 0) {
            return exits.profitTargets().high();
        }
        return confidence.compareTo(exits.confidenceBands().medium()) >= 0 ? exits.profitTargets().medium()
                : exits.profitTargets().low();
    }

    /**
     * The first stage not done whose threshold is reached, selling what is left of its share of the
     * original count: a stage whose exit sold part of its share, then failed, fires again for the rest.
     */
    private static Optional<Fired> nextStage(Inputs in, Method.PartialExits ladder) {
        for (int i = 0; i < ladder.stages().size(); i++) {
            int stage = i + 1;
            Method.Stage step = ladder.stages().get(i);
            if (in.stagesDone().contains(stage)) {
                continue;
            }
            if (in.valuation().comparePnlPct(step.atPct()) < 0) {
                return Optional.empty();
            }
            long hundredths = step.fractionOfOriginal()
                    .multiply(BigDecimal.valueOf(in.holding().originalCount().hundredths()))
                    .divide(BigDecimal.valueOf(100), 0, RoundingMode.FLOOR).longValueExact() * 100;
            long left = hundredths - in.stageSold().getOrDefault(stage, Contracts.ZERO).hundredths();
            Contracts quantity = new Contracts(Math.max(0, Math.min(left, in.holding().count().hundredths())));
            return quantity.isZero() ? Optional.empty()
                    : Optional.of(new Fired(ExitReason.PARTIAL_EXIT_TARGET, quantity,
                            Optional.of(stage)));
        }
        return Optional.empty();
    }

    private static Fired whole(ExitReason reason, Contracts all) {
        return new Fired(reason, all, Optional.empty());
    }
}
