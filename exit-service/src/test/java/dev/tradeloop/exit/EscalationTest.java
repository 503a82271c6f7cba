package dev.tradeloop.exit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradeloop.events.ExecutionStrategy;
import dev.tradeloop.events.ExitExecution;
import dev.tradeloop.exit.Escalation.Kind;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class EscalationTest {

    private static List<String> states(ExecutionStrategy strategy, int maxWalks, boolean marketFallback, int attempts) {
        Escalation escalation = new Escalation(new ExitExecution(strategy, Duration.ofSeconds(10), maxWalks,
                marketFallback), 3);
        return IntStream.rangeClosed(1, attempts).mapToObj(escalation::at)
                .map(s -> s.kind() + (s.number() > 0 ? " " + s.number() : "")).toList();
    }

    @Test
    void critical_repeats_market_orders_then_fails() {
        assertThat(states(ExecutionStrategy.IMMEDIATE_MARKET, 0, true, 4))
                .containsExactly("MARKET 1", "MARKET 2", "MARKET 3", "FAILED");
    }

    @Test
    void high_walks_twice_then_escalates_to_market() {
        assertThat(states(ExecutionStrategy.WALK_THEN_MARKET, 2, true, 7))
                .containsExactly("START", "WALK 1", "WALK 2", "MARKET 1", "MARKET 2", "MARKET 3", "FAILED");
    }

    @Test
    void medium_walks_five_times_then_gives_up() {
        assertThat(states(ExecutionStrategy.WALK_PRICE, 5, false, 7))
                .containsExactly("START", "WALK 1", "WALK 2", "WALK 3", "WALK 4", "WALK 5", "GIVEN_UP");
    }

    @Test
    void low_walks_ten_times_then_gives_up() {
        List<String> low = states(ExecutionStrategy.WALK_SLOWLY, 10, false, 12);
        assertThat(low).startsWith("START", "WALK 1").contains("WALK 10").endsWith("GIVEN_UP");
        assertThat(low).hasSize(12);
    }

    @Test
    void only_the_first_market_order_after_limits_is_an_escalation() {
        Escalation high = new Escalation(new ExitExecution(ExecutionStrategy.WALK_THEN_MARKET, Duration.ofSeconds(10),
                2, true), 3);
        Escalation critical = new Escalation(new ExitExecution(ExecutionStrategy.IMMEDIATE_MARKET,
                Duration.ofSeconds(5), 0, true), 3);
        assertThat(high.escalatesAt(high.at(4))).isTrue();
        assertThat(high.escalatesAt(high.at(5))).isFalse();
        assertThat(critical.escalatesAt(critical.at(1))).isFalse();
        assertThat(high.at(4).kind()).isEqualTo(Kind.MARKET);
    }
}
