package dev.tradeloop.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradeloop.events.Action;
import dev.tradeloop.events.ExitReason;
import dev.tradeloop.events.ExitTrigger;
import dev.tradeloop.events.Fill;
import dev.tradeloop.events.MarketStatus;
import dev.tradeloop.events.MethodRef;
import dev.tradeloop.events.OrderPurpose;
import dev.tradeloop.events.PositionEvent;
import dev.tradeloop.events.PositionMarked;
import dev.tradeloop.events.PriceTick;
import dev.tradeloop.events.Side;
import dev.tradeloop.events.Topics;
import dev.tradeloop.events.money.Contracts;
import dev.tradeloop.events.money.Money;
import dev.tradeloop.events.money.Price;
import dev.tradeloop.testkit.ServiceProcess;
import dev.tradeloop.testkit.TestKafka;
import dev.tradeloop.testkit.TopicReader;
import dev.tradeloop.testkit.TradeloopInfrastructure;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * monitor-service is killed (SIGKILL) mid-scenario, with an exit in flight and ticks arriving while it
 * is down; started again on a fresh disk, it restores its positions from the changelog and goes on:
 * the trigger due while it was down comes once, the one already sent is not repeated.
 */
@ExtendWith(TradeloopInfrastructure.class)
class MonitorRestartTest {

    private static final Duration DEADLINE = Duration.ofSeconds(90);
    private final TestKafka kafka = TestKafka.get();
    private final String market = "KXRST-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    private final String position = "pos-" + UUID.randomUUID();
    private long sequence = 1;

    @Test
    void killed_and_restarted_it_resumes_from_its_changelogged_state_with_no_trigger_lost_or_repeated() {
        Stack stack = new Stack("monitor_restart");
        Stack.publishActiveState();
        try (TopicReader<PositionEvent> events = kafka.reader(Topics.POSITION_EVENTS);
                TopicReader<PositionMarked> marks = kafka.reader(Topics.POSITION_MARKS);
                TopicReader<ExitTrigger> triggers = kafka.reader(Topics.EXIT_TRIGGERS)) {
            ServiceProcess monitor = stack.start("monitor-service");
            try {
                tick("0.49", "0.50");
                kafka.produce(Topics.FILLS, position, entry());
                events.await(e -> e.positionId().equals(position) && e.type().equals("PositionOpened"), DEADLINE);
                tick("0.58", "0.59"); // +16 %: partial exit stage 1 is triggered and in flight
                triggers.await(t -> t.positionId().equals(position), DEADLINE);
            } finally {
                monitor.kill();
            }

            tick("0.60", "0.61"); // while it is down: stage 1 still in flight, nothing new due
            tick("0.40", "0.41"); // while it is down: the stop loss is due

            try (ServiceProcess restarted = stack.start("monitor-service")) {
                ExitTrigger stopLoss = triggers.await(t -> t.positionId().equals(position)
                        && t.reason() == ExitReason.STOP_LOSS, DEADLINE);
                assertThat(stopLoss.quantity()).isEqualTo(Contracts.whole(100));
                tick("0.38", "0.39"); // after it: the stop loss is in flight, nothing new
                marks.await(m -> m.positionId().equals(position) && m.mark().equals(Price.parse("0.38")), DEADLINE);
            }
            List<ExitReason> sent = triggers.decoded().stream().filter(t -> t.positionId().equals(position))
                    .map(ExitTrigger::reason).toList();
            assertThat(sent).containsExactly(ExitReason.PARTIAL_EXIT_TARGET, ExitReason.STOP_LOSS);
            assertThat(events.decoded().stream().filter(e -> e.positionId().equals(position))
                    .filter(e -> e.type().equals("PositionOpened")).count()).isEqualTo(1);
        }
    }

    private void tick(String yesBid, String yesAsk) {
        Price bid = Price.parse(yesBid);
        Price ask = Price.parse(yesAsk);
        Instant now = Instant.now();
        kafka.produce(Topics.PRICE_TICKS, market, new PriceTick(UUID.randomUUID(), now, "tick", market, "KXRST",
                MarketStatus.OPEN, Optional.empty(), bid, ask, ask.complement(), bid.complement(), Optional.empty(),
                Contracts.whole(500), now.plusSeconds(7200), sequence++, now));
    }

    private Fill entry() {
        return new Fill(UUID.randomUUID(), Instant.now(), "corr-restart", position, "t-" + position, "o-1",
                position + "-1", market, "KXRST", OrderPurpose.ENTRY, Side.YES, Action.BUY, Contracts.whole(100),
                Price.parse("0.50"), Money.ZERO, true, Instant.now(), Optional.of(new BigDecimal("0.85")),
                new MethodRef("kelly-quarter", 1));
    }
}
