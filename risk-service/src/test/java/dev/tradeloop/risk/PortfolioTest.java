package dev.tradeloop.risk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradeloop.events.Action;
import dev.tradeloop.events.ApprovedTrade;
import dev.tradeloop.events.BalanceReported;
import dev.tradeloop.events.EntryPlan;
import dev.tradeloop.events.ExecutionStrategy;
import dev.tradeloop.events.Fill;
import dev.tradeloop.events.MethodRef;
import dev.tradeloop.events.OrderEvent;
import dev.tradeloop.events.OrderPurpose;
import dev.tradeloop.events.OrderStatus;
import dev.tradeloop.events.PositionClosed;
import dev.tradeloop.events.PositionMarked;
import dev.tradeloop.events.PositionPartiallyClosed;
import dev.tradeloop.events.PositionSettled;
import dev.tradeloop.events.Side;
import dev.tradeloop.events.money.Contracts;
import dev.tradeloop.events.money.Money;
import dev.tradeloop.events.money.Price;
import dev.tradeloop.rules.PortfolioView;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PortfolioTest {

    private static final Instant NOW = Instant.parse("2026-11-24T14:00:00Z");
    private static final LocalDate TODAY = LocalDate.parse("2026-11-24");

    private static BalanceReported balance(String dollars) {
        return new BalanceReported(UUID.randomUUID(), Instant.now(), "balance", Money.parse(dollars), "test");
    }
    private static final MethodRef METHOD = new MethodRef("kelly-quarter", 1);
    private final Portfolio portfolio = new Portfolio();

    private static ApprovedTrade approved(String position, String market, String event, long contracts) {
        return new ApprovedTrade(UUID.randomUUID(), NOW, "c", position, market, event, Side.YES,
                Contracts.whole(contracts), Money.parse("100"), new BigDecimal("0.8"),
                new EntryPlan(ExecutionStrategy.LIMIT_THEN_WALK, Price.parse("0.40"), Price.parse("0.42"),
                        Price.parse("0.01"), Duration.ofSeconds(30)), METHOD, UUID.randomUUID());
    }

    private static Fill fill(String position, String trade, Action action, long count, String price) {
        return new Fill(UUID.randomUUID(), NOW, "c", position, trade, "o", "co", "KXA", "EV", OrderPurpose.ENTRY,
                Side.YES, action, Contracts.whole(count), Price.parse(price), Money.parse("0.10"), true, NOW,
                Optional.empty(), METHOD);
    }

    private static OrderEvent entryOrder(String position, OrderStatus status) {
        return new OrderEvent(UUID.randomUUID(), NOW, "c", position, "KXA", OrderPurpose.ENTRY, status, "co",
                Optional.empty(), Side.YES, Action.BUY, Optional.empty(), Contracts.whole(100), Contracts.whole(100),
                1, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), METHOD,
                Optional.empty());
    }

    @Test
    void nothing_is_known_until_the_exchange_reports_a_balance() {
        assertThat(portfolio.view(TODAY, 0)).isEmpty();
        portfolio.balance(balance("10000"));
        assertThat(portfolio.view(TODAY, 0)).isPresent();
    }

    @Test
    void an_entry_is_sized_on_the_cash_of_its_markets_shard() {
        portfolio.balance(new BalanceReported(UUID.randomUUID(), Instant.now(), "balance", Money.parse("10500"), "test",
                Optional.of(Map.of(0, Money.parse("10000"), 2, Money.parse("500")))));

        assertThat(portfolio.view(TODAY, 0).orElseThrow().balance()).isEqualTo(Money.parse("10000"));
        assertThat(portfolio.view(TODAY, 2).orElseThrow().balance()).isEqualTo(Money.parse("500"));
        assertThat(portfolio.view(TODAY, 3).orElseThrow().balance()).isEqualTo(Money.ZERO);
        assertThat(portfolio.balance()).contains(Money.parse("10500"));
    }

    @Test
    void an_approved_entry_is_in_flight_at_its_worst_cost_until_its_order_ends_then_its_fills_count() {
        portfolio.balance(balance("10000"));
        portfolio.apply(approved("p1", "KXA", "EV", 100));

        PortfolioView inFlight = portfolio.view(TODAY, 0).orElseThrow();
        assertThat(inFlight.marketsWithEntryInFlight()).containsExactly("KXA");
        assertThat(inFlight.openPositions()).isZero();
        assertThat(inFlight.totalExposure()).isEqualTo(Money.parse("42.00")); // 100 x 0.42 worst price
        assertThat(inFlight.exposureOf("EV")).isEqualTo(Money.parse("42.00"));

        portfolio.apply(fill("p1", "t1", Action.BUY, 60, "0.40"));
        portfolio.apply(fill("p1", "t1", Action.BUY, 60, "0.40")); // the same trade again counts once
        portfolio.apply(entryOrder("p1", OrderStatus.CANCELLED));

        PortfolioView held = portfolio.view(TODAY, 0).orElseThrow();
        assertThat(held.marketsWithEntryInFlight()).isEmpty();
        assertThat(held.marketsHeld()).containsExactly("KXA");
        assertThat(held.openPositions()).isEqualTo(1);
        assertThat(held.totalExposure()).isEqualTo(Money.parse("24.00")); // 60 x 0.40
    }

    @Test
    void a_mark_read_after_the_close_from_its_own_topic_leaves_the_closed_position_at_zero() {
        // rebuilding from the log, the position's history is read before its fills and its marks
        portfolio.apply(approved("p1", "KXA", "EV", 100));
        portfolio.apply(new PositionClosed(UUID.randomUUID(), NOW, "c", "p1", "KXA", Contracts.whole(100),
                Price.parse("0.45"), Money.ZERO, Money.parse("5.00"), Money.ZERO, Optional.empty(), "t2"));
        portfolio.apply(fill("p1", "t1", Action.BUY, 100, "0.40"));

        portfolio.apply(new PositionMarked(UUID.randomUUID(), NOW.minusSeconds(1), "c", "p1", "KXA",
                Price.parse("0.30"), Contracts.whole(100), Money.parse("-10.00"), new BigDecimal("-0.25")));

        assertThat(portfolio.dayPnl(TODAY)).isEqualTo(Money.parse("5.00"));
    }

    @Test
    void the_day_pnl_is_realized_today_plus_unrealized_of_what_is_held_and_a_close_does_not_count_partials_twice() {
        portfolio.balance(balance("10000"));
        portfolio.apply(approved("p1", "KXA", "EV", 100));
        portfolio.apply(fill("p1", "t1", Action.BUY, 100, "0.40"));
        portfolio.apply(entryOrder("p1", OrderStatus.FILLED));
        portfolio.apply(new PositionMarked(UUID.randomUUID(), NOW, "c", "p1", "KXA", Price.parse("0.30"),
                Contracts.whole(100), Money.parse("-10.70"), new BigDecimal("-0.2675")));
        assertThat(portfolio.dayPnl(TODAY)).isEqualTo(Money.parse("-10.70"));

        portfolio.apply(fill("p1", "t2", Action.SELL, 50, "0.30"));
        portfolio.apply(new PositionPartiallyClosed(UUID.randomUUID(), NOW, "c", "p1", "KXA", Contracts.whole(50),
                Price.parse("0.30"), Money.parse("0.05"), Contracts.whole(50), Money.parse("-5.10"), Optional.of(1), "t2"));
        portfolio.apply(fill("p1", "t3", Action.SELL, 50, "0.20"));
        portfolio.apply(new PositionClosed(UUID.randomUUID(), NOW, "c", "p1", "KXA", Contracts.whole(50),
                Price.parse("0.20"), Money.parse("0.05"), Money.parse("-15.20"), Money.parse("0.20"),
                Optional.empty(), "t3"));

        assertThat(portfolio.dayPnl(TODAY)).isEqualTo(Money.parse("-15.20"));
        assertThat(portfolio.dayPnl(TODAY.plusDays(1))).isEqualTo(Money.ZERO);
        assertThat(portfolio.view(TODAY, 0).orElseThrow().openPositions()).isZero();
        assertThat(portfolio.view(TODAY, 0).orElseThrow().totalExposure()).isEqualTo(Money.ZERO);
    }

    @Test
    void a_settlement_after_partial_exits_counts_only_what_the_settlement_added() {
        portfolio.balance(balance("10000"));
        portfolio.apply(approved("p1", "KXA", "EV", 100));
        portfolio.apply(fill("p1", "t1", Action.BUY, 100, "0.40"));
        portfolio.apply(entryOrder("p1", OrderStatus.FILLED));
        portfolio.apply(fill("p1", "t2", Action.SELL, 50, "0.30"));
        portfolio.apply(new PositionPartiallyClosed(UUID.randomUUID(), NOW, "c", "p1", "KXA", Contracts.whole(50),
                Price.parse("0.30"), Money.parse("0.05"), Contracts.whole(50), Money.parse("-5.10"), Optional.of(1), "t2"));

        // the other 50 settle worthless: the position's realized P&L, partials included, is −25.10
        portfolio.apply(new PositionSettled(UUID.randomUUID(), NOW, "c", "p1", "KXA", Side.NO, Contracts.whole(50),
                Money.ZERO, Money.parse("-25.10")));

        assertThat(portfolio.dayPnl(TODAY)).isEqualTo(Money.parse("-25.10"));
    }

    @Test
    void events_read_out_of_order_across_topics_give_the_same_view() {
        portfolio.balance(balance("10000"));
        portfolio.apply(entryOrder("p1", OrderStatus.FILLED));
        portfolio.apply(new PositionClosed(UUID.randomUUID(), NOW, "c", "p2", "KXB", Contracts.whole(10),
                Price.parse("0.20"), Money.parse("0.05"), Money.parse("-3.00"), Money.parse("0.10"), Optional.empty(), "t9"));
        portfolio.apply(fill("p1", "t1", Action.BUY, 100, "0.40"));
        portfolio.apply(approved("p1", "KXA", "EV", 100));

        PortfolioView view = portfolio.view(TODAY, 0).orElseThrow();
        assertThat(view.marketsWithEntryInFlight()).isEmpty();
        assertThat(view.marketsHeld()).containsExactly("KXA");
        assertThat(view.totalExposure()).isEqualTo(Money.parse("40.00"));
        assertThat(portfolio.dayPnl(TODAY)).isEqualTo(Money.parse("-3.00"));
    }
}
