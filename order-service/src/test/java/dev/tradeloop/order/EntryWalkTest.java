package dev.tradeloop.order;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradeloop.events.EntryPlan;
import dev.tradeloop.events.ExecutionStrategy;
import dev.tradeloop.events.OrderStatus;
import dev.tradeloop.events.money.Contracts;
import dev.tradeloop.events.money.Price;
import dev.tradeloop.events.money.PriceGrid;
import java.time.Duration;
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
}
