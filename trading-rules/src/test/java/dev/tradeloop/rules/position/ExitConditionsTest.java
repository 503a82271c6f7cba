package dev.tradeloop.rules.position;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradeloop.events.ExitPriority;
import dev.tradeloop.events.ExitReason;
import dev.tradeloop.events.MarketStatus;
import dev.tradeloop.events.Side;
import dev.tradeloop.events.money.Contracts;
import dev.tradeloop.events.money.Money;
import dev.tradeloop.events.money.Price;
import dev.tradeloop.rules.Method;
import dev.tradeloop.rules.MethodCatalog;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Each of the ten exit conditions with the default method, for YES and NO holdings, and their resolution. */
class ExitConditionsTest {

    private static final Method METHOD = MethodCatalog.load(Path.of(System.getProperty("tradeloop.methods.dir")))
            .latest("kelly-quarter").orElseThrow();
    private static final Instant NOW = Instant.parse("2026-11-24T14:00:00Z");
    private static final Instant CLOSES = NOW.plusSeconds(3600);
    /** 100 contracts bought at 0.50, no fees, so P&L pct is simply (mark − 0.50) / 0.50. */
    private static final Holding YES = new Holding(Side.YES, Contracts.whole(100), Contracts.whole(100),
            Money.parse("50.00"), Money.ZERO);
    private static final Holding NO = new Holding(Side.NO, Contracts.whole(100), Contracts.whole(100),
            Money.parse("50.00"), Money.ZERO);

    private static ExitConditions.Inputs inputs(Holding holding, String bid, String ask, long volume, Instant closes) {
        Price mark = Price.parse(bid);
        return new ExitConditions.Inputs(holding, holding.valueAt(mark), TrailingStop.inactive(),
                new MarketView(mark, Price.parse(ask), Contracts.whole(volume), closes, MarketStatus.OPEN), NOW,
                Optional.empty(), false, Set.of(), Map.of(), Optional.empty(), new BigDecimal("0.85"));
    }

    private static ExitConditions.Inputs quiet(Holding holding, String bid) {
        Price b = Price.parse(bid);
        return inputs(holding, bid, new Price(b.micros() + 10_000).toString(), 500, CLOSES);
    }

    private static List<ExitReason> fired(ExitConditions.Inputs in, Method method) {
        return ExitConditions.evaluate(in, method).stream().map(ExitConditions.Fired::reason).toList();
    }

    private static List<ExitReason> fired(ExitConditions.Inputs in) {
        return fired(in, METHOD);
    }

    private static ExitConditions.Inputs with(ExitConditions.Inputs in, TrailingStop stop, Optional<BigDecimal> p,
            boolean breaker, Set<Integer> stages, Optional<BigDecimal> waiting) {
        return new ExitConditions.Inputs(in.holding(), in.valuation(), stop, in.market(), in.now(), p, breaker, stages,
                in.stageSold(), waiting, in.confidence());
    }

    private static Method withoutPartialExits() {
        Method.Exits e = METHOD.exits();
        return new Method(METHOD.ref(), METHOD.description(), METHOD.entry(), METHOD.sizing(), METHOD.risk(),
                new Method.Exits(e.stopLossPct(), e.confidenceBands(), e.profitTargets(), e.trailingStop(),
                        new Method.PartialExits(false, e.partialExits().stages()), e.urgentBeforeClose(),
                        e.liquidity(), e.earlyExitEdge(), e.execution()), METHOD.monitoring());
    }

    @Test
    void nothing_fires_on_a_quiet_position() {
        assertThat(fired(quiet(YES, "0.52"))).isEmpty();
        assertThat(fired(quiet(NO, "0.52"))).isEmpty();
    }

    @Test
    void stop_loss_below_minus_15_percent() {
        assertThat(fired(quiet(YES, "0.42"))).containsExactly(ExitReason.STOP_LOSS); // −16 %
        assertThat(fired(quiet(NO, "0.42"))).containsExactly(ExitReason.STOP_LOSS);
        assertThat(fired(quiet(YES, "0.43"))).isEmpty(); // −14 %
    }

    @Test
    void circuit_breaker_when_the_daily_loss_breaker_is_open() {
        assertThat(fired(with(quiet(NO, "0.52"), TrailingStop.inactive(), Optional.empty(), true, Set.of(),
                Optional.empty()))).containsExactly(ExitReason.CIRCUIT_BREAKER);
    }

    @Test
    void trailing_stop_when_the_mark_falls_to_the_stop() {
        TrailingStop stop = TrailingStop.inactive().update(YES.valueAt(Price.parse("0.56")), // P&L +12 %
                METHOD.exits().trailingStop()); // stop 0.56 × 0.95 = 0.532
        assertThat(fired(with(quiet(YES, "0.53"), stop, Optional.empty(), false, Set.of(), Optional.empty())))
                .containsExactly(ExitReason.TRAILING_STOP);
        assertThat(fired(with(quiet(NO, "0.54"), stop, Optional.empty(), false, Set.of(), Optional.empty())))
                .isEmpty();
    }

    @Test
    void time_based_urgent_under_five_minutes_before_the_close() {
        assertThat(fired(inputs(YES, "0.52", "0.53", 500, NOW.plusSeconds(299))))
                .containsExactly(ExitReason.TIME_BASED_URGENT);
        assertThat(fired(inputs(YES, "0.52", "0.53", 500, NOW.plusSeconds(300)))).isEmpty();
    }

    @Test
    void liquidity_dried_up_on_a_wide_spread_or_thin_volume() {
        assertThat(fired(inputs(NO, "0.52", "0.56", 500, CLOSES))).containsExactly(ExitReason.LIQUIDITY_DRIED_UP);
        assertThat(fired(inputs(NO, "0.52", "0.55", 500, CLOSES))).isEmpty(); // 0.03 is not above 0.03
        assertThat(fired(inputs(NO, "0.52", "0.53", 49, CLOSES))).containsExactly(ExitReason.LIQUIDITY_DRIED_UP);
    }

    @Test
    void profit_target_by_confidence_only_when_partial_exits_are_off() {
        Method plain = withoutPartialExits();
        assertThat(fired(quiet(YES, "0.63"), plain)).containsExactly(ExitReason.PROFIT_TARGET); // +26 % ≥ 25 % (high)
        assertThat(fired(quiet(YES, "0.62"), plain)).isEmpty(); // +24 %
        assertThat(fired(quiet(YES, "0.63"))).containsExactly(ExitReason.PARTIAL_EXIT_TARGET); // the ladder instead
        ExitConditions.Inputs low = new ExitConditions.Inputs(YES, YES.valueAt(Price.parse("0.58")),
                TrailingStop.inactive(), quiet(YES, "0.58").market(), NOW, Optional.empty(), false, Set.of(),
                Map.of(), Optional.empty(), new BigDecimal("0.50"));
        assertThat(fired(low, plain)).containsExactly(ExitReason.PROFIT_TARGET); // +16 % ≥ 15 % (low)
    }

    @Test
    void partial_exit_stages_sell_half_then_a_quarter_of_the_original_and_never_twice() {
        ExitConditions.Fired first = ExitConditions.evaluate(quiet(YES, "0.58"), METHOD).get(0); // +16 %
        assertThat(first).isEqualTo(new ExitConditions.Fired(ExitReason.PARTIAL_EXIT_TARGET, Contracts.whole(50),
                Optional.of(1)));

        Holding half = YES.reducedBy(Contracts.whole(50));
        ExitConditions.Inputs later = with(quiet(half, "0.63"), TrailingStop.inactive(), Optional.empty(), false,
                Set.of(1), Optional.empty());
        assertThat(ExitConditions.evaluate(later, METHOD)).containsExactly(new ExitConditions.Fired(
                ExitReason.PARTIAL_EXIT_TARGET, Contracts.whole(25), Optional.of(2)));

        ExitConditions.Inputs done = with(quiet(half.reducedBy(Contracts.whole(25)), "0.70"), TrailingStop.inactive(),
                Optional.empty(), false, Set.of(1, 2), Optional.empty());
        assertThat(fired(done)).isEmpty();
        assertThat(fired(with(quiet(half, "0.58"), TrailingStop.inactive(), Optional.empty(), false, Set.of(1),
                Optional.empty()))).isEmpty();
    }

    @Test
    void early_exit_and_edge_disappeared_from_the_models_current_probability() {
        ExitConditions.Inputs base = quiet(NO, "0.52");
        assertThat(fired(with(base, TrailingStop.inactive(), Optional.of(new BigDecimal("0.53")), false, Set.of(),
                Optional.empty()))).containsExactly(ExitReason.EARLY_EXIT); // edge 0.01 < 0.02
        assertThat(fired(with(base, TrailingStop.inactive(), Optional.of(new BigDecimal("0.50")), false, Set.of(),
                Optional.empty()))).containsExactly(ExitReason.EARLY_EXIT, ExitReason.EDGE_DISAPPEARED);
        assertThat(fired(with(base, TrailingStop.inactive(), Optional.of(new BigDecimal("0.60")), false, Set.of(),
                Optional.empty()))).isEmpty();
    }

    @Test
    void rebalance_when_a_better_edge_waits_for_capital_and_the_position_is_in_profit() {
        Optional<BigDecimal> p = Optional.of(new BigDecimal("0.60")); // current edge 0.60 − 0.52 = 0.08
        assertThat(fired(with(quiet(YES, "0.52"), TrailingStop.inactive(), p, false, Set.of(),
                Optional.of(new BigDecimal("0.09"))))).containsExactly(ExitReason.REBALANCE);
        assertThat(fired(with(quiet(YES, "0.52"), TrailingStop.inactive(), p, false, Set.of(),
                Optional.of(new BigDecimal("0.07"))))).isEmpty();
        assertThat(fired(with(quiet(YES, "0.49"), TrailingStop.inactive(), p, false, Set.of(),
                Optional.of(new BigDecimal("0.20"))))).isEmpty(); // in loss
    }

    @Test
    void the_most_urgent_wins_ties_go_to_list_order_and_the_others_are_recorded() {
        ExitConditions.Inputs both = with(inputs(YES, "0.42", "0.47", 500, NOW.plusSeconds(60)),
                TrailingStop.inactive(), Optional.empty(), false, Set.of(), Optional.empty());
        ExitResolution.Decision decision = ExitResolution.resolve(ExitConditions.evaluate(both, METHOD),
                Optional.empty()).orElseThrow();
        assertThat(decision.winner().reason()).isEqualTo(ExitReason.STOP_LOSS);
        assertThat(decision.conflicting()).containsExactly(ExitReason.TIME_BASED_URGENT, ExitReason.LIQUIDITY_DRIED_UP);

        ExitConditions.Inputs highs = inputs(YES, "0.52", "0.57", 500, NOW.plusSeconds(60));
        assertThat(ExitResolution.resolve(ExitConditions.evaluate(highs, METHOD), Optional.empty()).orElseThrow()
                .winner().reason()).isEqualTo(ExitReason.TIME_BASED_URGENT);
    }

    @Test
    void while_an_exit_is_in_flight_only_a_more_urgent_one_takes_over() {
        List<ExitConditions.Fired> medium = ExitConditions.evaluate(quiet(YES, "0.58"), METHOD);
        List<ExitConditions.Fired> critical = ExitConditions.evaluate(quiet(YES, "0.40"), METHOD);

        assertThat(ExitResolution.resolve(medium, Optional.of(ExitPriority.MEDIUM))).isEmpty();
        assertThat(ExitResolution.resolve(medium, Optional.of(ExitPriority.LOW))).isPresent();
        assertThat(ExitResolution.resolve(critical, Optional.of(ExitPriority.HIGH)).orElseThrow().winner().reason())
                .isEqualTo(ExitReason.STOP_LOSS);
    }
}
