package dev.tradeloop.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradeloop.events.BreakerName;
import dev.tradeloop.events.BreakerState;
import dev.tradeloop.events.Edge;
import dev.tradeloop.events.ResetMode;
import dev.tradeloop.events.RiskReason;
import dev.tradeloop.events.Side;
import dev.tradeloop.events.TradingMode;
import dev.tradeloop.events.TradingState;
import dev.tradeloop.events.money.Contracts;
import dev.tradeloop.events.money.Money;
import dev.tradeloop.events.money.Price;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Each check of the risk gate rejects with its own code; an edge that passes them all is sized by Kelly. */
class RiskGateTest {

    private static final Instant NOW = Instant.parse("2026-11-24T14:30:00Z");
    private static final Method METHOD = MethodCatalog.load(MethodCatalogTest.METHODS).latest("kelly-quarter").orElseThrow();
    private static final TradingState ACTIVE = state(TradingMode.ACTIVE, false);
    private static final PortfolioView EMPTY = new PortfolioView(0, Set.of(), Set.of(), Money.ZERO, Map.of(), Money.ZERO,
            Money.parse("10000"));

    private static TradingState state(TradingMode mode, boolean dailyLossOpen) {
        return new TradingState(UUID.randomUUID(), NOW, "c", mode, false, List.of(new BreakerState(BreakerName.DAILY_LOSS,
                dailyLossOpen, ResetMode.MANUAL, dailyLossOpen ? Optional.of(NOW) : Optional.empty(), Optional.empty())));
    }

    private static Edge edge(String probability, String ask, String target) {
        Price askPrice = Price.parse(ask);
        return new Edge(UUID.randomUUID(), NOW, "c", "KXT", "KX", Side.YES, new BigDecimal(probability),
                new BigDecimal("0.80"), askPrice, EntryFees.perContract(askPrice), new BigDecimal("0.05"),
                Price.parse(target), METHOD.ref(), UUID.randomUUID(), UUID.randomUUID(), Optional.empty());
    }

    private static final Edge GOOD = edge("0.64", "0.57", "0.57");

    private static PortfolioView portfolio(int open, Set<String> inFlight, String exposure, Map<String, Money> byEvent,
            String dayPnl, String balance) {
        return new PortfolioView(open, inFlight, Set.of(), Money.parse(exposure), byEvent, Money.parse(dayPnl), Money.parse(balance));
    }

    private static List<RiskReason> reasons(Edge edge, PortfolioView portfolio, TradingState state) {
        return RiskGate.decide(edge, METHOD, portfolio, state, NOW).reasons();
    }

    @Test
    void a_good_edge_is_approved_with_the_kelly_size() {
        RiskGate.Decision decision = RiskGate.decide(GOOD, METHOD, EMPTY, ACTIVE, NOW);

        assertThat(decision.approved()).isTrue();
        assertThat(decision.size().orElseThrow().contracts()).isEqualTo(Contracts.whole(713));
        assertThat(decision.size().orElseThrow().stake()).isEqualTo(Money.parse("406.976744"));
    }

    @Test
    void an_edge_older_than_the_methods_price_age_is_a_stale_signal_not_traded() {
        assertThat(RiskGate.decide(GOOD, METHOD, EMPTY, ACTIVE, NOW.plusSeconds(120)).approved()).isTrue();
        assertThat(RiskGate.decide(GOOD, METHOD, EMPTY, ACTIVE, NOW.plusSeconds(121)).reasons())
                .containsExactly(RiskReason.STALE_SIGNAL); // max_price_age_seconds: 120
    }

    @Test
    void trading_not_active() {
        assertThat(reasons(GOOD, EMPTY, state(TradingMode.REDUCE_ONLY, false))).containsExactly(RiskReason.TRADING_NOT_ACTIVE);
    }

    @Test
    void a_breaker_open() {
        assertThat(reasons(GOOD, EMPTY, state(TradingMode.ACTIVE, true))).containsExactly(RiskReason.BREAKER_OPEN);
    }

    @Test
    void the_days_loss_past_the_limit() {
        assertThat(reasons(GOOD, portfolio(0, Set.of(), "0", Map.of(), "-500.01", "10000"), ACTIVE))
                .containsExactly(RiskReason.DAILY_LOSS_LIMIT);
        assertThat(reasons(GOOD, portfolio(0, Set.of(), "0", Map.of(), "-500.00", "10000"), ACTIVE)).isEmpty();
    }

    @Test
    void too_many_open_positions() {
        assertThat(reasons(GOOD, portfolio(10, Set.of(), "0", Map.of(), "0", "10000"), ACTIVE))
                .containsExactly(RiskReason.MAX_OPEN_POSITIONS);
    }

    @Test
    void an_entry_already_in_flight_on_the_market() {
        assertThat(reasons(GOOD, portfolio(0, Set.of("KXT"), "0", Map.of(), "0", "10000"), ACTIVE))
                .containsExactly(RiskReason.ENTRY_IN_FLIGHT);
    }

    @Test
    void a_position_already_held_on_the_market() {
        PortfolioView holding = new PortfolioView(1, Set.of(), Set.of("KXT"), Money.parse("50"), Map.of(), Money.ZERO,
                Money.parse("10000"));
        assertThat(reasons(GOOD, holding, ACTIVE)).containsExactly(RiskReason.POSITION_ALREADY_OPEN);
    }

    @Test
    void a_price_outside_the_tradable_range() {
        assertThat(reasons(edge("0.999", "0.995", "0.995"), EMPTY, ACTIVE)).containsExactly(RiskReason.PRICE_OUT_OF_BOUNDS);
    }

    @Test
    void a_price_outside_the_collar_of_the_best_price() {
        assertThat(reasons(edge("0.80", "0.57", "0.70"), EMPTY, ACTIVE)).containsExactly(RiskReason.PRICE_OUTSIDE_COLLAR);
    }

    @Test
    void no_kelly_stake() {
        assertThat(reasons(edge("0.57", "0.57", "0.57"), EMPTY, ACTIVE)).containsExactly(RiskReason.NO_KELLY_STAKE);
    }

    @Test
    void too_many_contracts_in_one_order() {
        // f* = 0.15 / 0.95; stake = 394.73...; floor(394.73 / 0.05) = 7894 > 5000
        assertThat(reasons(edge("0.20", "0.05", "0.05"), EMPTY, ACTIVE)).containsExactly(RiskReason.ORDER_TOO_LARGE);
    }

    @Test
    void total_exposure_past_the_limit() {
        // 9700 + 713 x 0.57 = 10106.41 > 10000
        assertThat(reasons(GOOD, portfolio(0, Set.of(), "9700", Map.of(), "0", "10000"), ACTIVE))
                .containsExactly(RiskReason.MAX_TOTAL_EXPOSURE);
    }

    @Test
    void exposure_on_one_event_past_the_limit() {
        assertThat(reasons(GOOD, portfolio(0, Set.of(), "4700", Map.of("KX", Money.parse("4700")), "0", "10000"), ACTIVE))
                .containsExactly(RiskReason.MAX_EVENT_EXPOSURE);
    }

    @Test
    void not_enough_balance_for_the_cost_and_fees() {
        // stake 9.80 (the whole bankroll) buys 17 contracts: 9.69 + 17 x 0.0172 fee = 9.9824 > 9.80
        assertThat(reasons(GOOD, portfolio(0, Set.of(), "0", Map.of(), "0", "9.80"), ACTIVE))
                .containsExactly(RiskReason.INSUFFICIENT_BALANCE);
    }

    @Test
    void every_failed_check_is_reported_not_only_the_first() {
        assertThat(reasons(GOOD, portfolio(10, Set.of("KXT"), "0", Map.of(), "-600", "10000"),
                state(TradingMode.HALTED, true)))
                .containsExactly(RiskReason.TRADING_NOT_ACTIVE, RiskReason.BREAKER_OPEN, RiskReason.DAILY_LOSS_LIMIT,
                        RiskReason.MAX_OPEN_POSITIONS, RiskReason.ENTRY_IN_FLIGHT);
    }
}
