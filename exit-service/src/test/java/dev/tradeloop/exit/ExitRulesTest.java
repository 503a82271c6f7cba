package dev.tradeloop.exit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradeloop.events.ExitReason;
import dev.tradeloop.events.ExitTrigger;
import dev.tradeloop.events.OrderEnding;
import dev.tradeloop.events.OrderStatus;
import dev.tradeloop.events.money.Contracts;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The exit loop's decision, without an exchange: each move from where the exit stands. */
class ExitRulesTest {

    private static final ExitTrigger MEDIUM = ExitFixtures.trigger("KXEXIT-RULES", ExitReason.PROFIT_TARGET, 10,
            Duration.ofSeconds(5));
    private static final ExitTrigger CRITICAL = ExitFixtures.trigger("KXEXIT-RULES", MEDIUM.positionId(),
            ExitReason.STOP_LOSS, 10, Duration.ofSeconds(5));

    private static ExitRules.Situation at(ExitTrigger trigger, int attempt, long filled) {
        return new ExitRules.Situation(trigger, Contracts.whole(filled), Optional.empty(), true,
                new Escalation(trigger.execution(), 3).at(attempt), 3, Optional.empty(), Optional.empty());
    }

    @Test
    void an_exit_asks_whether_the_market_is_paused_then_what_is_held_then_sells_what_is_left_of_it() {
        ExitRules.Situation start = at(MEDIUM, 2, 4);

        assertThat(ExitRules.next(start)).isEqualTo(new ExitMove.ReadMarket());
        assertThat(ExitRules.next(start.withMarketPaused(true))).isEqualTo(new ExitMove.WaitWhileMarketPaused());
        assertThat(ExitRules.next(start.withMarketPaused(false))).isEqualTo(new ExitMove.ReadHeld());
        ExitMove sell = ExitRules.next(start.withMarketPaused(false).withHeld(Contracts.whole(40)));
        assertThat(sell).isEqualTo(new ExitMove.Sell(new Escalation(MEDIUM.execution(), 3).at(2), Contracts.whole(6)));
        assertThat(ExitRules.next(start.withMarketPaused(false).withHeld(Contracts.whole(3))))
                .isEqualTo(new ExitMove.Sell(new Escalation(MEDIUM.execution(), 3).at(2), Contracts.whole(3)));
    }

    @Test
    void an_exit_that_sold_everything_finishes_before_anything_else_is_asked() {
        ExitRules.Situation sold = new ExitRules.Situation(MEDIUM, Contracts.whole(10), Optional.of(CRITICAL), false,
                new Escalation(MEDIUM.execution(), 3).at(9), 3, Optional.empty(), Optional.empty());

        assertThat(ExitRules.next(sold)).isEqualTo(new ExitMove.Finish(OrderStatus.FILLED, OrderEnding.FILLED,
                "sold 10.00"));
    }

    @Test
    void a_more_urgent_trigger_takes_over_and_a_halt_waits() {
        ExitRules.Situation takenOver = new ExitRules.Situation(MEDIUM, Contracts.whole(2), Optional.of(CRITICAL),
                false, new Escalation(MEDIUM.execution(), 3).at(2), 3, Optional.empty(), Optional.empty());
        ExitRules.Situation halted = new ExitRules.Situation(MEDIUM, Contracts.whole(2), Optional.empty(), false,
                new Escalation(MEDIUM.execution(), 3).at(2), 3, Optional.empty(), Optional.empty());

        assertThat(ExitRules.next(takenOver)).isEqualTo(new ExitMove.Finish(OrderStatus.CANCELLED,
                OrderEnding.TAKEN_OVER, "taken over by a more urgent exit: CRITICAL STOP_LOSS; 2.00 sold before"));
        assertThat(ExitRules.next(halted)).isEqualTo(new ExitMove.WaitWhileHalted());
    }

    @Test
    void spent_walks_and_spent_market_tries_fail_with_their_codes() {
        ExitRules.Situation walksSpent = at(MEDIUM, 7, 0).withMarketPaused(false);
        ExitRules.Situation triesSpent = at(CRITICAL, 4, 1).withMarketPaused(false);

        assertThat(ExitRules.next(walksSpent)).isEqualTo(new ExitMove.Fail(OrderEnding.WALKS_SPENT,
                "5 walks without selling 10.00: given up", Optional.of(OrderStatus.GIVEN_UP)));
        assertThat(ExitRules.next(triesSpent)).isEqualTo(new ExitMove.Fail(OrderEnding.MARKET_TRIES_SPENT,
                "3 market orders without selling 9.00", Optional.empty()));
    }

    @Test
    void nothing_held_is_a_mismatch_unless_part_was_sold_already() {
        ExitRules.Situation none = at(MEDIUM, 1, 0).withMarketPaused(false).withHeld(Contracts.ZERO);
        ExitRules.Situation rest = at(MEDIUM, 3, 4).withMarketPaused(false).withHeld(Contracts.ZERO);

        assertThat(ExitRules.next(none)).isEqualTo(new ExitMove.NothingHeld(
                "the exchange holds no YES of KXEXIT-RULES to sell"));
        assertThat(ExitRules.next(rest)).isEqualTo(new ExitMove.Finish(OrderStatus.FILLED,
                OrderEnding.SOLD_WHAT_WAS_HELD, "sold 4.00; the exchange holds no more"));
    }
}
