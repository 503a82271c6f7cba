package dev.tradeloop.rules.position;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradeloop.events.Action;
import dev.tradeloop.events.Event;
import dev.tradeloop.events.Fill;
import dev.tradeloop.events.MarketStatus;
import dev.tradeloop.events.MethodRef;
import dev.tradeloop.events.OrderPurpose;
import dev.tradeloop.events.PositionMarked;
import dev.tradeloop.events.PriceTick;
import dev.tradeloop.events.Side;
import dev.tradeloop.events.money.Contracts;
import dev.tradeloop.events.money.Money;
import dev.tradeloop.events.money.Price;
import dev.tradeloop.rules.Method;
import dev.tradeloop.rules.MethodCatalog;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * When a position's mark is sent (default method: step 0.01, at most once a second, at least every
 * 30 s, near a threshold within 0.02): the first at once, a move held back within the second and
 * sent by the timer once the second is over, a crossing at once, an unchanged mark only as a heartbeat.
 */
class PositionMarksTest {

    private static final Method METHOD = MethodCatalog.load(Path.of(System.getProperty("tradeloop.methods.dir")))
            .latest("kelly-quarter").orElseThrow();
    private static final Instant T0 = Instant.parse("2026-12-02T15:00:00Z");

    private Position position = open();
    private long sequence;

    @Test
    void the_default_method_sends_marks_at_most_once_a_second() {
        assertThat(METHOD.monitoring().marksAtMostEvery()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void a_move_within_the_second_is_held_back_and_the_timer_sends_the_latest_mark_when_the_second_is_over() {
        assertThat(marks(evaluate("0.49", 0))).singleElement().satisfies(mark -> {
            assertThat(mark.mark()).isEqualTo(Price.parse("0.49"));
            assertThat(mark.unrealizedPnl()).isEqualTo(Money.parse("-1.00"));
        });
        assertThat(marks(evaluate("0.48", 200))).isEmpty();
        assertThat(marks(evaluate("0.47", 400))).isEmpty();
        assertThat(PositionLifecycle.heldBackMark(position, METHOD, T0.plusMillis(999))).isEmpty();

        PositionLifecycle.Step step = PositionLifecycle.heldBackMark(position, METHOD, T0.plusMillis(1000))
                .orElseThrow();

        assertThat(marks(step.events())).singleElement().satisfies(mark -> {
            assertThat(mark.mark()).isEqualTo(Price.parse("0.47"));
            assertThat(mark.unrealizedPnl()).isEqualTo(Money.parse("-3.00"));
            assertThat(mark.pnlPct()).isEqualByComparingTo("-0.06");
            assertThat(mark.occurredAt()).isEqualTo(T0.plusMillis(1000));
        });
        position = step.position().orElseThrow();
        assertThat(PositionLifecycle.heldBackMark(position, METHOD, T0.plusMillis(5000))).isEmpty();
    }

    @Test
    void a_mark_that_comes_near_the_stop_loss_is_sent_at_once_however_soon_after_the_last() {
        evaluate("0.49", 0);
        assertThat(marks(evaluate("0.45", 100))).isEmpty(); // P&L −10 %: not yet within 0.02 of −15 %

        List<Event> near = evaluate("0.43", 200); // P&L −14 %: within 0.02 of the stop loss, not beyond it

        assertThat(marks(near)).extracting(PositionMarked::mark).containsExactly(Price.parse("0.43"));
        assertThat(near).hasSize(1); // nothing triggered: the crossing alone sent it
        assertThat(marks(evaluate("0.45", 300))).as("leaving the zone is a crossing too")
                .extracting(PositionMarked::mark).containsExactly(Price.parse("0.45"));
    }

    @Test
    void a_mark_that_moves_less_than_the_step_is_sent_only_as_the_heartbeat() {
        evaluate("0.49", 0);
        assertThat(marks(evaluate("0.495", 2_000))).isEmpty();
        assertThat(PositionLifecycle.heldBackMark(position, METHOD, T0.plusSeconds(3))).isEmpty();
        assertThat(marks(evaluate("0.495", 29_999))).isEmpty();

        assertThat(marks(evaluate("0.495", 30_000))).extracting(PositionMarked::mark)
                .containsExactly(Price.parse("0.495"));
    }

    @Test
    void a_fill_that_changes_what_is_held_has_it_marked_again_at_the_next_evaluation() {
        evaluate("0.49", 0);
        position = PositionLifecycle.onFill(Optional.of(position), fill("t-2", Action.BUY, 50), T0.plusMillis(100))
                .position().orElseThrow();

        assertThat(marks(evaluate("0.49", 200))).singleElement().satisfies(mark -> {
            assertThat(mark.count()).isEqualTo(Contracts.whole(150));
            assertThat(mark.unrealizedPnl()).isEqualTo(Money.parse("-1.50"));
        });
    }

    private List<Event> evaluate(String yesBid, long atMillis) {
        Instant now = T0.plusMillis(atMillis);
        PositionLifecycle.Step step = PositionLifecycle.evaluate(position, new PositionLifecycle.Context(
                tick(yesBid, now), Optional.empty(), false, Optional.empty(), now, "tick " + atMillis), METHOD);
        position = step.position().orElseThrow();
        return step.events();
    }

    private static List<PositionMarked> marks(List<Event> events) {
        return events.stream().filter(PositionMarked.class::isInstance).map(PositionMarked.class::cast).toList();
    }

    private PriceTick tick(String yesBid, Instant now) {
        Price bid = Price.parse(yesBid);
        Price ask = new Price(bid.micros() + 10_000);
        return new PriceTick(UUID.randomUUID(), now, "c", "KXMARK", "KXEVENT", MarketStatus.OPEN, Optional.empty(), bid,
                ask, ask.complement(), bid.complement(), Optional.empty(), Contracts.whole(500),
                now.plusSeconds(86_400), ++sequence, now);
    }

    private static Position open() {
        return PositionLifecycle.onFill(Optional.empty(), fill("t-1", Action.BUY, 100), T0.minusSeconds(1))
                .position().orElseThrow();
    }

    /** A fill at 0.50 without fees, so P&L is (mark − 0.50) × count. */
    private static Fill fill(String trade, Action action, long count) {
        return new Fill(UUID.randomUUID(), T0, "c", "pos-1", trade, "o-" + trade, "pos-1-" + trade, "KXMARK",
                "KXEVENT", OrderPurpose.ENTRY, Side.YES, action, Contracts.whole(count), Price.parse("0.50"),
                Money.ZERO, true, T0, Optional.of(new BigDecimal("0.85")), new MethodRef("kelly-quarter", 1));
    }
}
