package dev.tradeloop.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradeloop.events.BreakerState;
import dev.tradeloop.events.DeadLetter;
import dev.tradeloop.events.Topics;
import dev.tradeloop.events.TradingMode;
import dev.tradeloop.events.TradingState;
import dev.tradeloop.events.json.DecodeFailure;
import dev.tradeloop.events.json.EventCodec;
import dev.tradeloop.testkit.ServiceProcess;
import dev.tradeloop.testkit.TestKafka;
import dev.tradeloop.testkit.TopicReader;
import dev.tradeloop.testkit.TradeloopInfrastructure;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two service processes on one real broker: what risk-service publishes on {@code trading-state},
 * order-service (another operating-system process) reads and obeys; a malformed message on the
 * topic is dead-lettered with its reason and order-service goes on with the next one.
 */
@ExtendWith(TradeloopInfrastructure.class)
class TradingStateAcrossProcessesTest {

    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private final EventCodec<TradingState> codec = Topics.TRADING_STATE.codec();

    @Test
    void the_state_one_process_publishes_is_consumed_by_another_and_bad_input_is_dead_lettered(TestKafka kafka) {
        Stack stack = new Stack("across_processes");
        try (ServiceProcess risk = stack.start("risk-service");
                ServiceProcess order = stack.start("order-service");
                TopicReader<TradingState> states = kafka.reader(Topics.TRADING_STATE);
                TopicReader<DeadLetter> deadLetters = kafka.reader(Topics.deadLetterOf(Topics.TRADING_STATE))) {

            // Given risk-service has published the account's trading state,
            String riskState = risk.awaitGet("/risk/state", answer -> answer.statusCode() == 200, DEADLINE).body();
            TradingState answered = codec.decode(riskState.getBytes(StandardCharsets.UTF_8));
            TradingState published = states.await(state -> state.eventId().equals(answered.eventId()), DEADLINE);

            // then order-service, through the broker, knows exactly that state.
            assertThat(orderServiceView(order, published)).isEqualTo(published);
            assertThat(published.mode()).isEqualTo(TradingMode.ACTIVE);
            assertThat(published.breakers()).extracting(BreakerState::open).containsOnly(false);

            // When a malformed message and then a new state arrive on the topic,
            kafka.produceRaw(Topics.TRADING_STATE.name(), TradingState.KEY,
                    "{\"type\":\"TradingState\",\"mode\":".getBytes(StandardCharsets.UTF_8));
            TradingState halted = new TradingState(UUID.randomUUID(), Instant.now(), "test-halt",
                    TradingMode.HALTED, false, published.breakers());
            kafka.produce(Topics.TRADING_STATE, TradingState.KEY, halted);

            // then the malformed one is on the dead-letter topic with its reason, whole,
            DeadLetter letter = deadLetters.await(l -> l.consumer().equals("order-service"), DEADLINE);
            assertThat(letter.failure()).isEqualTo(DecodeFailure.MALFORMED_JSON);
            assertThat(letter.error()).contains("not valid JSON");
            assertThat(letter.payload()).isEqualTo("{\"type\":\"TradingState\",\"mode\":");
            assertThat(letter.sourceTopic()).isEqualTo(Topics.TRADING_STATE.name());

            // and order-service went on to the next message and obeys it.
            assertThat(orderServiceView(order, halted)).isEqualTo(halted);
        }
    }

    private TradingState orderServiceView(ServiceProcess order, TradingState expected) {
        String body = order.awaitGet("/trading-state",
                answer -> answer.statusCode() == 200 && answer.body().contains(expected.eventId().toString()),
                DEADLINE).body();
        return codec.decode(body.getBytes(StandardCharsets.UTF_8));
    }
}
