package dev.tradeloop.monitor.streams;

import static dev.tradeloop.monitor.streams.MonitorDriver.types;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tradeloop.events.Action;
import dev.tradeloop.events.ExecutionStrategy;
import dev.tradeloop.events.ExitFailed;
import dev.tradeloop.events.ExitPriority;
import dev.tradeloop.events.ExitReason;
import dev.tradeloop.events.ExitTrigger;
import dev.tradeloop.events.OrderEnding;
import dev.tradeloop.events.PositionClosed;
import dev.tradeloop.events.PositionEvent;
import dev.tradeloop.events.PositionPartiallyClosed;
import dev.tradeloop.events.PositionSettled;
import dev.tradeloop.events.RiskReason;
import dev.tradeloop.events.Side;
import dev.tradeloop.events.Topics;
import dev.tradeloop.events.TrailingStopMoved;
import dev.tradeloop.events.json.DecodeFailure;
import dev.tradeloop.events.money.Contracts;
import dev.tradeloop.events.money.Money;
import dev.tradeloop.events.money.Price;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Whole scenarios through the monitor's topology: given the inputs, when they arrive, then exactly these events. */
class MonitorTopologyTest {

    private final MonitorDriver monitor = new MonitorDriver();

    MonitorTopologyTest() throws Exception {
    }

    @AfterEach
    void close() {
        monitor.close();
    }

    private static List<ExitReason> reasons(List<ExitTrigger> triggers) {
        return triggers.stream().map(ExitTrigger::reason).toList();
    }

    /** Given a YES position of 100 bought at 0.50 without fees, on a quiet market at 0.49 / 0.50. */
    private void givenYesAt050() {
        monitor.tick("0.49", "0.50");
        monitor.fill(Side.YES, Action.BUY, 100, "0.50", "0.00");
        assertThat(types(monitor.positionEvents())).containsExactly("PositionOpened");
        assertThat(monitor.positionMarks()).extracting(mark -> mark.value.mark()).containsExactly(Price.parse("0.49"));
    }

    @Test
    void marks_go_to_position_marks_at_most_once_a_second_the_latest_sent_when_the_second_is_over() {
        givenYesAt050();

        monitor.tick("0.47", "0.48");
        monitor.tick("0.46", "0.47"); // both within the second of the mark at 0.49: held back
        assertThat(monitor.positionMarks()).isEmpty();
        monitor.after(Duration.ofSeconds(1));

        assertThat(monitor.positionMarks()).singleElement().satisfies(mark -> {
            assertThat(mark.key).isEqualTo(mark.value.positionId());
            assertThat(mark.value.mark()).isEqualTo(Price.parse("0.46"));
            assertThat(mark.value.unrealizedPnl()).isEqualTo(Money.parse("-4.00"));
        });
        assertThat(monitor.positionEvents()).as("a mark is not a change of state").isEmpty();
    }

    @Test
    void a_mark_alone_is_not_written_to_the_store_and_the_api_shows_the_position_as_it_was_when_marked() {
        givenYesAt050();
        var opened = monitor.positions().values().iterator().next();
        monitor.after(Duration.ofSeconds(1));

        monitor.tick("0.46", "0.47");

        assertThat(monitor.positionMarks()).extracting(mark -> mark.value.mark()).containsExactly(Price.parse("0.46"));
        var stored = monitor.positions().values().iterator().next();
        assertThat(stored).as("a mark alone is not written").isEqualTo(opened);
        assertThat(monitor.live().latest(stored).lastMark()).contains(Price.parse("0.46"));

        monitor.tick("0.40", "0.41"); // the stop loss: a change of state, written, and the store's is the latest
        assertThat(monitor.exitTriggers()).hasSize(1);
        var triggered = monitor.positions().values().iterator().next();
        assertThat(triggered.lastMark()).contains(Price.parse("0.40"));
        assertThat(monitor.live().latest(triggered)).isSameAs(triggered);
    }

    @Test
    void a_mark_crossing_into_a_threshold_the_exit_rules_watch_is_sent_at_once() {
        givenYesAt050();

        monitor.tick("0.43", "0.44"); // −14 %: within 0.02 of the stop loss, not beyond it

        assertThat(monitor.positionMarks()).extracting(mark -> mark.value.mark()).containsExactly(Price.parse("0.43"));
        assertThat(monitor.exitTriggers()).isEmpty();
    }

    @Test
    void a_stop_loss_on_a_book_with_a_bid_and_no_ask_triggers_its_critical_exit_at_the_bid_without_a_mark() {
        givenYesAt050();

        monitor.tick("0.40", "1.00"); // the held side's ask is gone: 0.40 is still what a sale gets

        ExitTrigger trigger = monitor.exitTriggers().get(0);
        assertThat(trigger.reason()).isEqualTo(ExitReason.STOP_LOSS);
        assertThat(trigger.priority()).isEqualTo(ExitPriority.CRITICAL);
        assertThat(trigger.bid()).isEqualTo(Price.parse("0.40"));
        assertThat(types(monitor.positionEvents())).containsExactly("ExitTriggered");
    }

    @Test
    void flattening_on_a_book_with_no_bid_triggers_the_critical_exit_to_wait_for_one() {
        givenYesAt050();
        monitor.tick("0.00", "0.45"); // nobody bids for YES
        assertThat(monitor.exitTriggers()).isEmpty();

        monitor.flattenAll();
        monitor.after(Duration.ofSeconds(1));

        assertThat(monitor.exitTriggers()).singleElement().satisfies(trigger -> {
            assertThat(trigger.reason()).isEqualTo(ExitReason.CIRCUIT_BREAKER);
            assertThat(trigger.bid()).isEqualTo(Price.ZERO);
            assertThat(trigger.mark()).isEqualTo(Price.parse("0.49")); // the last price the position had
        });
    }

    @Test
    void a_one_sided_book_fires_no_exit_below_critical() {
        givenYesAt050();

        monitor.tick("0.80", "1.00"); // a 60 % gain at the bid, but no ask: no price to take a profit by

        assertThat(monitor.exitTriggers()).isEmpty();
        assertThat(monitor.positionEvents()).isEmpty();
    }

    @Test
    void a_paused_market_triggers_no_exit_and_the_stop_loss_fires_once_it_trades_again() {
        givenYesAt050();

        monitor.pausedTick("0.40", "0.41"); // −20 % while Kalshi has the market inactive: it takes no order

        assertThat(monitor.exitTriggers()).isEmpty();
        monitor.tick("0.40", "0.41");
        assertThat(reasons(monitor.exitTriggers())).containsExactly(ExitReason.STOP_LOSS);
    }

    @Test
    void a_no_position_falling_past_the_stop_loss_is_exited_at_critical_priority() {
        monitor.tick("0.48", "0.50"); // NO bid 0.50, NO ask 0.52
        monitor.fill(Side.NO, Action.BUY, 100, "0.50", "0.00");
        assertThat(types(monitor.positionEvents())).containsExactly("PositionOpened");

        monitor.tick("0.56", "0.58"); // NO bid 0.42: −16 %

        assertThat(types(monitor.positionEvents())).containsExactly("ExitTriggered");
        ExitTrigger trigger = monitor.exitTriggers().get(0);
        assertThat(trigger.reason()).isEqualTo(ExitReason.STOP_LOSS);
        assertThat(trigger.priority()).isEqualTo(ExitPriority.CRITICAL);
        assertThat(trigger.side()).isEqualTo(Side.NO);
        assertThat(trigger.quantity()).isEqualTo(Contracts.whole(100));
        assertThat(trigger.execution().strategy()).isEqualTo(ExecutionStrategy.IMMEDIATE_MARKET);
        assertThat(trigger.conflicting()).isEmpty();
    }

    @Test
    void a_market_settling_while_held_closes_the_position_with_the_payout_realized() {
        monitor.tick("0.49", "0.50");
        monitor.fill(Side.YES, Action.BUY, 100, "0.50", "0.88"); // 100 YES at 0.50, fee 0.88
        monitor.positionEvents();
        monitor.fill(Side.YES, Action.SELL, 40, "0.55", "0.39"); // 40 sold before the close
        monitor.positionEvents();

        monitor.settled(Side.YES);

        List<PositionEvent> events = monitor.positionEvents();
        assertThat(types(events)).containsExactly("PositionSettled");
        PositionSettled settled = (PositionSettled) events.get(0);
        assertThat(settled.result()).isEqualTo(Side.YES);
        assertThat(settled.count()).isEqualTo(Contracts.whole(60));
        assertThat(settled.payout()).isEqualTo(Money.parse("60.00"));
        // sold 40: 22.00 − 20.00 − 0.352 (40 % of the entry fee) − 0.39 = 1.258;
        // settled 60: 60.00 − 30.00 − 0.528 = 29.472; together 30.73
        assertThat(settled.realizedPnl()).isEqualTo(Money.parse("30.73"));
        assertThat(monitor.positions().values()).allMatch(p -> p.closed());
        monitor.tick("0.20", "0.30");
        assertThat(monitor.positionEvents()).isEmpty();
        assertThat(monitor.exitTriggers()).isEmpty();
    }

    private void holdingSixtyYes() {
        monitor.tick("0.49", "0.50");
        monitor.fill(Side.YES, Action.BUY, 60, "0.50", "0.53");
        monitor.positionEvents();
    }

    @Test
    void a_settlement_the_exchange_paid_as_the_positions_expected_is_confirmed() {
        holdingSixtyYes();

        monitor.settled(Side.YES, Optional.of(Money.parse("60.00")));

        assertThat(types(monitor.positionEvents())).containsExactly("PositionSettled");
        assertThat(monitor.alerts()).isEmpty();
    }

    @Test
    void a_settlement_that_paid_other_than_the_positions_held_raises_a_reconciliation_mismatch() {
        holdingSixtyYes();

        // the exchange paid for 75 contracts: 15 held that no position accounts for
        monitor.settled(Side.YES, Optional.of(Money.parse("75.00")));

        assertThat(monitor.alerts()).singleElement().satisfies(alert -> {
            assertThat(alert.code()).isEqualTo(dev.tradeloop.events.AlertCode.RECONCILIATION_MISMATCH);
            assertThat(alert.message()).contains("the exchange paid the account $75.00")
                    .contains("the positions held expected $60.00");
        });
    }

    @Test
    void a_position_on_the_losing_side_settles_at_nothing() {
        monitor.tick("0.48", "0.50");
        monitor.fill(Side.NO, Action.BUY, 10, "0.50", "0.18");
        monitor.positionEvents();

        monitor.settled(Side.YES);

        PositionSettled settled = (PositionSettled) monitor.positionEvents().get(0);
        assertThat(settled.payout()).isEqualTo(Money.ZERO);
        assertThat(settled.realizedPnl()).isEqualTo(Money.parse("-5.18"));
    }

    @Test
    void a_better_edge_turned_away_for_want_of_capital_rebalances_a_position_in_profit() {
        givenYesAt050();
        monitor.predict("0.60");
        monitor.tick("0.53", "0.54"); // +6 %, the held edge is 0.60 − 0.53 = 0.07
        monitor.edgeTurnedAway("0.09", RiskReason.MAX_OPEN_POSITIONS, RiskReason.PRICE_OUTSIDE_COLLAR);
        monitor.tick("0.53", "0.55");
        assertThat(monitor.exitTriggers()).isEmpty(); // turned away for more than capital: no rebalance

        monitor.edgeTurnedAway("0.09", RiskReason.MAX_OPEN_POSITIONS);
        monitor.tick("0.53", "0.54");

        List<ExitTrigger> triggers = monitor.exitTriggers();
        assertThat(reasons(triggers)).containsExactly(ExitReason.REBALANCE);
        assertThat(triggers.get(0).priority()).isEqualTo(ExitPriority.LOW);
        assertThat(triggers.get(0).quantity()).isEqualTo(Contracts.whole(100));
    }

    @Test
    void an_edge_turned_away_long_ago_no_longer_waits() {
        givenYesAt050();
        monitor.predict("0.60");
        monitor.edgeTurnedAway("0.09", RiskReason.MAX_TOTAL_EXPOSURE);
        monitor.after(Duration.ofMinutes(6));

        monitor.tick("0.53", "0.54");

        assertThat(monitor.exitTriggers()).isEmpty();
    }

    @Test
    void a_one_sided_book_is_no_price_and_neither_marks_nor_stops_a_position_out() {
        givenYesAt050();

        monitor.tick("0.00", "0.50"); // no YES bid for a moment: a maker re-quoting
        monitor.tick("0.49", "1.00"); // no YES ask

        assertThat(monitor.positionEvents()).isEmpty();
        assertThat(monitor.exitTriggers()).isEmpty();
    }

    @Test
    void two_conditions_at_once_the_more_urgent_wins_and_the_other_is_recorded() {
        givenYesAt050();

        monitor.tick("0.42", "0.43", 500, Duration.ofMinutes(4)); // −16 % and 4 minutes to the close

        assertThat(types(monitor.positionEvents())).containsExactly("ExitTriggered");
        ExitTrigger trigger = monitor.exitTriggers().get(0);
        assertThat(trigger.reason()).isEqualTo(ExitReason.STOP_LOSS);
        assertThat(trigger.conflicting()).containsExactly(ExitReason.TIME_BASED_URGENT);
    }

    @Test
    void while_an_exit_is_in_flight_only_a_more_urgent_trigger_takes_over() {
        givenYesAt050();

        monitor.tick("0.58", "0.59"); // +16 %: partial exit stage 1 (MEDIUM), the trailing stop activates
        assertThat(types(monitor.positionEvents()))
                .containsExactly("TrailingStopActivated", "ExitTriggered");
        monitor.tick("0.60", "0.61"); // +20 %: stage 1 still in flight, nothing new is triggered
        List<PositionEvent> moved = monitor.positionEvents();
        assertThat(types(moved)).containsExactly("TrailingStopMoved");
        assertThat(((TrailingStopMoved) moved.get(0)).stop()).isEqualByComparingTo("0.582");
        monitor.tick("0.40", "0.41"); // −20 %: CRITICAL takes over

        assertThat(types(monitor.positionEvents())).containsExactly("ExitTriggered");
        List<ExitTrigger> triggers = monitor.exitTriggers();
        assertThat(reasons(triggers)).containsExactly(ExitReason.PARTIAL_EXIT_TARGET, ExitReason.STOP_LOSS);
        assertThat(triggers.get(0).quantity()).isEqualTo(Contracts.whole(50));
        assertThat(triggers.get(0).partialStage()).contains(1);
        assertThat(triggers.get(1).quantity()).isEqualTo(Contracts.whole(100));
        assertThat(triggers.get(1).conflicting()).containsExactly(ExitReason.TRAILING_STOP);
    }

    @Test
    void partial_exits_then_the_trailing_stop_closes_the_rest_and_the_realized_pnl_includes_every_fee() {
        givenYesAt050();

        monitor.tick("0.58", "0.59");
        monitor.fill(Side.YES, Action.SELL, 50, "0.58", "0.20");
        monitor.tick("0.63", "0.64"); // +26 % on what is left: stage 2; the stop tightens to 0.63 × 0.98
        monitor.fill(Side.YES, Action.SELL, 25, "0.63", "0.10");
        monitor.tick("0.61", "0.62"); // 0.61 ≤ 0.6174: the trailing stop
        monitor.fill(Side.YES, Action.SELL, 25, "0.61", "0.10");

        List<PositionEvent> events = monitor.positionEvents();
        assertThat(types(events)).containsExactly(
                "TrailingStopActivated", "ExitTriggered",
                "PositionPartiallyClosed",
                "TrailingStopMoved", "ExitTriggered",
                "PositionPartiallyClosed",
                "ExitTriggered",
                "PositionClosed");
        PositionPartiallyClosed first = (PositionPartiallyClosed) events.get(2);
        assertThat(first.realizedPnl()).isEqualTo(Money.parse("3.80")); // 50 × 0.58 − 25.00 − 0.20
        assertThat(first.partialStage()).contains(1);
        PositionPartiallyClosed second = (PositionPartiallyClosed) events.get(5);
        assertThat(second.realizedPnl()).isEqualTo(Money.parse("3.15")); // 25 × 0.63 − 12.50 − 0.10
        assertThat(second.remaining()).isEqualTo(Contracts.whole(25));
        PositionClosed closed = (PositionClosed) events.get(7);
        assertThat(closed.realizedPnl()).isEqualTo(Money.parse("9.60")); // + 25 × 0.61 − 12.50 − 0.10
        assertThat(closed.totalFees()).isEqualTo(Money.parse("0.40"));
        assertThat(closed.exitReason()).contains(ExitReason.TRAILING_STOP);
        assertThat(reasons(monitor.exitTriggers())).containsExactly(ExitReason.PARTIAL_EXIT_TARGET,
                ExitReason.PARTIAL_EXIT_TARGET, ExitReason.TRAILING_STOP);
    }

    @Test
    void a_quiet_market_is_caught_by_the_timer_and_the_close_time_condition_fires_without_a_tick() {
        monitor.tick("0.50", "0.51", 500, Duration.ofMinutes(6));
        monitor.fill(Side.YES, Action.BUY, 100, "0.51", "0.00");
        assertThat(types(monitor.positionEvents())).containsExactly("PositionOpened");

        monitor.after(Duration.ofSeconds(31)); // no tick: the 30 s mark
        assertThat(monitor.positionEvents()).isEmpty();
        assertThat(monitor.positionMarks()).extracting(mark -> mark.value.mark()).containsExactly(
                Price.parse("0.50"), Price.parse("0.50"));
        assertThat(monitor.exitTriggers()).isEmpty();

        monitor.after(Duration.ofSeconds(30)); // 4 min 59 s to the close
        assertThat(types(monitor.positionEvents())).containsExactly("ExitTriggered");
        assertThat(reasons(monitor.exitTriggers())).containsExactly(ExitReason.TIME_BASED_URGENT);
    }

    @Test
    void an_exit_that_failed_frees_the_position_to_trigger_again() {
        givenYesAt050();
        monitor.tick("0.42", "0.43");
        List<ExitTrigger> stopLoss = monitor.exitTriggers();
        assertThat(reasons(stopLoss)).containsExactly(ExitReason.STOP_LOSS);
        monitor.tick("0.41", "0.42"); // still in flight: nothing new
        assertThat(monitor.exitTriggers()).isEmpty();

        monitor.exitFailed(stopLoss.get(0));
        List<PositionEvent> failed = monitor.positionEvents();
        assertThat(types(failed)).endsWith("ExitFailed");
        assertThat(((ExitFailed) failed.get(failed.size() - 1)).reason()).isEqualTo(ExitReason.STOP_LOSS);
        assertThat(((ExitFailed) failed.get(failed.size() - 1)).ending()).contains(OrderEnding.WALKS_SPENT);
        monitor.tick("0.40", "0.41");

        assertThat(reasons(monitor.exitTriggers())).containsExactly(ExitReason.STOP_LOSS);
    }

    @Test
    void a_late_failure_of_an_exit_that_was_replaced_leaves_the_exit_that_took_over_in_flight() {
        givenYesAt050();
        monitor.tick("0.58", "0.59"); // +16 %: partial exit stage 1 (MEDIUM)
        monitor.tick("0.40", "0.41"); // −20 %: the stop-loss (CRITICAL) takes over
        List<ExitTrigger> triggers = monitor.exitTriggers();
        assertThat(reasons(triggers)).containsExactly(ExitReason.PARTIAL_EXIT_TARGET, ExitReason.STOP_LOSS);
        monitor.positionEvents();

        monitor.exitFailed(triggers.get(0)); // the replaced MEDIUM exit's end comes late
        monitor.tick("0.39", "0.40");

        assertThat(types(monitor.positionEvents())).doesNotContain("ExitFailed");
        assertThat(monitor.exitTriggers()).isEmpty(); // the stop-loss is still in flight: not triggered again
        monitor.exitFailed(triggers.get(1));
        List<PositionEvent> failed = monitor.positionEvents();
        assertThat(((ExitFailed) failed.get(failed.size() - 1)).reason()).isEqualTo(ExitReason.STOP_LOSS);
    }

    @Test
    void a_partial_exit_stage_that_sold_part_of_its_share_then_failed_fires_again_for_the_rest_only() {
        givenYesAt050();
        monitor.tick("0.58", "0.59"); // +16 %: stage 1 sells 50 of the original 100
        ExitTrigger stageOne = monitor.exitTriggers().get(0);
        assertThat(stageOne.quantity()).isEqualTo(Contracts.whole(50));
        monitor.fill(Side.YES, Action.SELL, 30, "0.58", "0.12"); // 30 of its 50 sold
        monitor.exitFailed(stageOne); // then the exit gave up

        monitor.tick("0.59", "0.60"); // still above stage 1's threshold

        List<ExitTrigger> again = monitor.exitTriggers();
        assertThat(reasons(again)).containsExactly(ExitReason.PARTIAL_EXIT_TARGET);
        assertThat(again.get(0).partialStage()).contains(1);
        assertThat(again.get(0).quantity()).isEqualTo(Contracts.whole(20));
    }

    @Test
    void flatten_all_triggers_a_circuit_breaker_exit_within_a_second() {
        givenYesAt050();

        monitor.flattenAll();
        monitor.after(Duration.ofSeconds(1));

        ExitTrigger trigger = monitor.exitTriggers().get(0);
        assertThat(trigger.reason()).isEqualTo(ExitReason.CIRCUIT_BREAKER);
        assertThat(trigger.priority()).isEqualTo(ExitPriority.CRITICAL);
    }

    @Test
    void a_duplicate_or_older_tick_is_dropped_and_a_malformed_fill_is_dead_lettered() {
        givenYesAt050();
        monitor.tickNumbered(1, "0.30", "0.31", 500, Duration.ofHours(2)); // older than the tick held
        assertThat(monitor.positionEvents()).isEmpty();
        assertThat(monitor.exitTriggers()).isEmpty();

        monitor.rawFill("{\"type\":\"Fill\",");

        assertThat(monitor.fillDeadLetters()).singleElement().satisfies(letter -> {
            assertThat(letter.failure()).isEqualTo(DecodeFailure.MALFORMED_JSON);
            assertThat(letter.consumer()).isEqualTo("monitor-service");
            assertThat(letter.key()).isEqualTo(Optional.of(MonitorDriver.POSITION));
        });
    }

    @Test
    void a_fill_the_position_cannot_take_is_dead_lettered_in_the_transaction_and_the_task_goes_on() {
        monitor.fill(Side.YES, Action.BUY, 900_000_000_000_000L, "0.50", "0.10"); // its cost overflows

        assertThat(monitor.fillDeadLetters()).singleElement().satisfies(letter -> {
            assertThat(letter.failure()).isEqualTo(DecodeFailure.PROCESSING_FAILED);
            assertThat(letter.error()).startsWith("ArithmeticException: long overflow");
            assertThat(letter.sourceTopic()).isEqualTo(Topics.FILLS.name());
            assertThat(letter.payload()).contains("\"count\":\"900000000000000.00\"");
        });
        assertThat(monitor.positions()).isEmpty();

        monitor.fill(Side.YES, Action.BUY, 100, "0.50", "0.10");
        assertThat(types(monitor.positionEvents())).contains("PositionOpened");
        assertThat(monitor.positions().values()).singleElement()
                .satisfies(position -> assertThat(position.holding().count()).isEqualTo(Contracts.whole(100)));
    }

    @Test
    void a_tick_a_position_cannot_be_evaluated_on_is_dead_lettered_for_that_position_and_the_next_ones_are_read() {
        monitor.fill(Side.YES, Action.BUY, 5_000_000_000_000L, "0.01", "0.10"); // its worth at 0.99 overflows
        monitor.positionEvents();

        monitor.after(Duration.ofSeconds(1));
        monitor.tick("0.98", "0.99");
        monitor.after(Duration.ofSeconds(1));
        monitor.tick("0.97", "0.98");

        assertThat(monitor.tickDeadLetters()).hasSize(2).allSatisfy(letter -> {
            assertThat(letter.failure()).isEqualTo(DecodeFailure.PROCESSING_FAILED);
            assertThat(letter.error()).startsWith("position " + MonitorDriver.POSITION + ": ArithmeticException");
            assertThat(letter.key()).contains(MonitorDriver.MARKET);
        });
    }

    @Test
    void a_task_holding_open_positions_whose_rounds_stop_is_stalled_after_two_minutes_and_one_holding_none_never() {
        Duration limit = Duration.ofMinutes(2);
        monitor.after(Duration.ofSeconds(1));
        Instant quietRound = monitor.now();
        assertThat(monitor.activity().stalled(quietRound.plus(Duration.ofHours(1)), limit)).isEmpty();

        givenYesAt050();
        monitor.after(Duration.ofSeconds(1));
        Instant lastRound = monitor.now();

        assertThat(monitor.activity().stalled(lastRound.plus(limit), limit)).isEmpty();
        assertThat(monitor.activity().stalled(lastRound.plus(limit).plusSeconds(1), limit).values())
                .singleElement().satisfies(stalled -> {
                    assertThat(stalled.openPositions()).isEqualTo(1);
                    assertThat(stalled.at()).isEqualTo(lastRound);
                });
    }

    @Test
    void a_fill_delivered_twice_counts_once() {
        givenYesAt050();
        monitor.tick("0.58", "0.59");
        monitor.positionEvents();
        monitor.fill(Side.YES, Action.SELL, 50, "0.58", "0.20");
        assertThat(types(monitor.positionEvents())).containsExactly("PositionPartiallyClosed");
    }

    @Test
    void a_position_with_no_price_for_two_minutes_raises_one_stale_alert_until_a_price_comes() {
        givenYesAt050();

        monitor.after(Duration.ofSeconds(61));
        assertThat(monitor.alerts()).isEmpty();
        monitor.after(Duration.ofSeconds(61)); // 2 min 2 s without a tick
        assertThat(monitor.alerts()).singleElement().satisfies(alert -> {
            assertThat(alert.code()).isEqualTo(dev.tradeloop.events.AlertCode.MONITOR_STALE);
            assertThat(alert.positionId()).contains(MonitorDriver.POSITION);
        });
        monitor.after(Duration.ofSeconds(61));
        assertThat(monitor.alerts()).isEmpty();

        monitor.tick("0.50", "0.51");
        monitor.after(Duration.ofSeconds(121));
        assertThat(monitor.alerts()).hasSize(1);
    }

    @Test
    void after_a_start_the_timer_waits_for_a_fresh_price_before_acting_on_one_heard_before_it() {
        // the last tick heard before a restart says the market closes in four minutes (an urgent exit);
        // the simulator may have moved the close since (it resumes its story where it stopped)
        monitor.heardBeforeTheStart("0.49", "0.50", Duration.ofMinutes(2), Duration.ofMinutes(4));
        monitor.fill(Side.YES, Action.BUY, 100, "0.50", "0.00");
        monitor.after(Duration.ofSeconds(29));
        assertThat(monitor.exitTriggers()).isEmpty();

        monitor.after(Duration.ofSeconds(2));

        assertThat(monitor.exitTriggers()).singleElement()
                .satisfies(trigger -> assertThat(trigger.reason()).isEqualTo(ExitReason.TIME_BASED_URGENT));
    }

    @Test
    void the_same_tick_replayed_to_the_same_position_triggers_the_same_exit_id_and_another_tick_another()
            throws Exception {
        givenYesAt050();
        var stopTick = monitor.quote("0.40", "0.41");
        monitor.send(stopTick);
        ExitTrigger live = monitor.exitTriggers().get(0);

        try (MonitorDriver replay = new MonitorDriver(); MonitorDriver other = new MonitorDriver()) {
            for (MonitorDriver again : List.of(replay, other)) {
                again.tick("0.49", "0.50");
                again.fill(Side.YES, Action.BUY, 100, "0.50", "0.00");
            }
            replay.send(stopTick);
            other.send(other.quote("0.40", "0.41"));

            assertThat(replay.exitTriggers()).singleElement()
                    .satisfies(trigger -> assertThat(trigger.eventId()).isEqualTo(live.eventId()));
            assertThat(other.exitTriggers()).singleElement()
                    .satisfies(trigger -> assertThat(trigger.eventId()).isNotEqualTo(live.eventId()));
        }
    }

    @Test
    void replaying_the_inputs_rebuilds_the_same_positions_as_the_live_run() throws Exception {
        givenYesAt050();
        monitor.tick("0.58", "0.59");
        monitor.fill(Side.YES, Action.SELL, 50, "0.58", "0.20");
        monitor.tick("0.63", "0.64");
        monitor.predict("0.70");
        var live = monitor.positions();

        try (MonitorDriver replay = new MonitorDriver()) {
            replay.tick("0.49", "0.50");
            replay.fill(Side.YES, Action.BUY, 100, "0.50", "0.00");
            replay.tick("0.58", "0.59");
            replay.fill(Side.YES, Action.SELL, 50, "0.58", "0.20");
            replay.tick("0.63", "0.64");
            replay.predict("0.70");
            var rebuilt = replay.positions();

            assertThat(rebuilt.keySet()).isEqualTo(live.keySet());
            rebuilt.forEach((key, position) -> assertThat(position)
                    .usingRecursiveComparison().ignoringFieldsOfTypes(java.util.UUID.class)
                    .isEqualTo(live.get(key)));
        }
    }
}
