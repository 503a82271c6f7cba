package dev.tradeloop.order;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradeloop.events.EntryPlan;
import dev.tradeloop.events.ExecutionStrategy;
import dev.tradeloop.events.OrderEnding;
import dev.tradeloop.events.OrderStatus;
import dev.tradeloop.events.TradingMode;
import dev.tradeloop.events.TradingState;
import dev.tradeloop.events.money.Contracts;
import dev.tradeloop.events.money.Price;
import dev.tradeloop.events.money.PriceGrid;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EntryWalkTest {

    private static final EntryPlan PLAN = new EntryPlan(ExecutionStrategy.LIMIT_THEN_WALK, Price.parse("0.57"),
            Price.parse("0.59"), Price.parse("0.01"), Duration.ofSeconds(30));
    private static final PriceGrid CENTS = PriceGrid.linearCent();

    @Test
    void the_price_walks_by_the_step_up_to_the_slippage_cap_and_no_further() {
        assertThat(EntryWalk.priceOf(PLAN, 1, CENTS)).contains(Price.parse("0.57"));
        assertThat(EntryWalk.priceOf(PLAN, 2, CENTS)).contains(Price.parse("0.58"));
        assertThat(EntryWalk.priceOf(PLAN, 3, CENTS)).contains(Price.parse("0.59"));
        assertThat(EntryWalk.priceOf(PLAN, 4, CENTS)).isEmpty();
    }

    @Test
    void each_price_goes_down_to_the_grid_so_a_buy_never_pays_more_than_its_rule() {
        EntryPlan subPenny = new EntryPlan(ExecutionStrategy.LIMIT_THEN_WALK, Price.parse("0.4537"),
                Price.parse("0.4737"), Price.parse("0.01"), Duration.ofSeconds(30));

        assertThat(EntryWalk.priceOf(subPenny, 1, CENTS)).contains(Price.parse("0.45"));
        assertThat(EntryWalk.priceOf(subPenny, 2, PriceGrid.named("deci_cent"))).contains(Price.parse("0.463"));
        assertThat(EntryWalk.priceOf(subPenny, 3, PriceGrid.named("center_half_edge_half_cent")))
                .contains(Price.parse("0.470"));
        assertThat(EntryWalk.priceOf(subPenny, 4, CENTS)).isEmpty();
    }

    @Test
    void an_entry_ends_filled_partly_filled_or_with_nothing() {
        assertThat(EntryWalk.endOf(Contracts.whole(50), Contracts.whole(50))).isEqualTo(OrderStatus.FILLED);
        assertThat(EntryWalk.endOf(Contracts.whole(20), Contracts.whole(50))).isEqualTo(OrderStatus.CANCELLED);
        assertThat(EntryWalk.endOf(Contracts.ZERO, Contracts.whole(50))).isEqualTo(OrderStatus.ABANDONED);
    }

    @Test
    void the_next_move_places_the_first_attempt_at_the_target_then_walks_for_what_is_left() {
        assertThat(EntryWalk.next(PLAN, Contracts.whole(50), Contracts.ZERO, 1, trading(TradingMode.ACTIVE), CENTS))
                .isEqualTo(new EntryMove.Place(1, Price.parse("0.57"), Contracts.whole(50), OrderStatus.INTENDED,
                        "limit at the target price"));
        assertThat(EntryWalk.next(PLAN, Contracts.whole(50), Contracts.whole(20), 2, trading(TradingMode.ACTIVE),
                CENTS)).isEqualTo(new EntryMove.Place(2, Price.parse("0.58"), Contracts.whole(30),
                        OrderStatus.WALKED, "walked by 0.0100 to 0.5800"));
    }

    @Test
    void the_next_move_ends_with_a_code_filled_halted_or_at_the_slippage_cap() {
        assertThat(EntryWalk.next(PLAN, Contracts.whole(50), Contracts.whole(50), 3, trading(TradingMode.HALTED),
                CENTS)).isEqualTo(new EntryMove.End(OrderStatus.FILLED, OrderEnding.FILLED, "filled"));
        assertThat(EntryWalk.next(PLAN, Contracts.whole(50), Contracts.whole(20), 2, trading(TradingMode.REDUCE_ONLY),
                CENTS)).isEqualTo(new EntryMove.End(OrderStatus.CANCELLED, OrderEnding.TRADING_HALTED,
                        "trading is REDUCE_ONLY: no new order"));
        assertThat(EntryWalk.next(PLAN, Contracts.whole(50), Contracts.ZERO, 1, Optional.empty(), CENTS))
                .isEqualTo(new EntryMove.End(OrderStatus.ABANDONED, OrderEnding.TRADING_HALTED,
                        "trading is not known: no new order"));
        assertThat(EntryWalk.next(PLAN, Contracts.whole(50), Contracts.ZERO, 4, trading(TradingMode.ACTIVE), CENTS))
                .isEqualTo(new EntryMove.End(OrderStatus.ABANDONED, OrderEnding.SLIPPAGE_CAP_REACHED,
                        "no fill up to the slippage cap 0.5900; 0.00 of 50.00 filled"));
    }

    private static Optional<TradingState> trading(TradingMode mode) {
        return Optional.of(new TradingState(UUID.randomUUID(), Instant.parse("2026-12-02T10:00:00Z"), "corr-1", mode,
                false, List.of()));
    }
}
