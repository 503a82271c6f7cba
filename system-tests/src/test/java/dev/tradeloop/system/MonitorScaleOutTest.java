package dev.tradeloop.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradeloop.events.Action;
import dev.tradeloop.events.Fill;
import dev.tradeloop.events.MarketStatus;
import dev.tradeloop.events.MethodRef;
import dev.tradeloop.events.OrderPurpose;
import dev.tradeloop.events.PositionEvent;
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
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.common.utils.Utils;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two monitor-service instances in one application share the market partitions, each holding the
 * positions of its own; either answers {@code GET /positions} and {@code GET /positions/{id}} for
 * all of them, asking the other for what it does not hold.
 */
@ExtendWith(TradeloopInfrastructure.class)
class MonitorScaleOutTest {

    private static final Duration DEADLINE = Duration.ofSeconds(120);
    private final TestKafka kafka = TestKafka.get();

    @Test
    void either_instance_answers_for_the_positions_the_other_holds() {
        List<String> markets = oneMarketPerPartition();
        List<String> positions = new ArrayList<>();
        Stack stack = new Stack("monitor_scale_out");
        Stack.publishActiveState();
        try (ServiceProcess first = stack.start("monitor-service");
                ServiceProcess second = stack.start("monitor-service");
                TopicReader<PositionEvent> events = kafka.reader(Topics.POSITION_EVENTS)) {
            for (String market : markets) {
                String position = "pos-" + UUID.randomUUID();
                positions.add(position);
                tick(market);
                kafka.produce(Topics.FILLS, position, entry(market, position));
            }
            for (String position : positions) {
                events.await(e -> e.positionId().equals(position), DEADLINE);
            }

            Awaitility.await("each instance to hold some positions and answer for all").atMost(DEADLINE)
                    .pollInterval(Duration.ofMillis(500)).until(() -> {
                        Set<String> local1 = held(first, "/positions?scope=local", positions);
                        Set<String> local2 = held(second, "/positions?scope=local", positions);
                        return !local1.isEmpty() && !local2.isEmpty() && local1.size() + local2.size() == 6
                                && held(first, "/positions", positions).size() == 6
                                && held(second, "/positions", positions).size() == 6;
                    });
            Set<String> onSecond = held(second, "/positions?scope=local", positions);
            String elsewhere = positions.stream().filter(onSecond::contains).findFirst().orElseThrow();
            HttpAnswer answer = get(first, "/positions/" + elsewhere);
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.body()).contains(elsewhere);
            assertThat(get(first, "/positions/pos-unknown").status()).isEqualTo(404);
        }
    }

    private record HttpAnswer(int status, String body) {
    }

    private static HttpAnswer get(ServiceProcess service, String path) {
        try {
            var answer = service.get(path);
            return new HttpAnswer(answer.statusCode(), answer.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Which of {@code positions} the answer to {@code path} lists. */
    private static Set<String> held(ServiceProcess service, String path, List<String> positions) {
        String body = get(service, path).body();
        Set<String> found = new HashSet<>();
        positions.stream().filter(body::contains).forEach(found::add);
        return found;
    }

    /** Six new markets whose keys fall on the six partitions of the market topics, one each. */
    private static List<String> oneMarketPerPartition() {
        String[] byPartition = new String[Topics.MARKET_PARTITIONS];
        int found = 0;
        while (found < byPartition.length) {
            String market = "KXSCALE-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
            int partition = Utils.toPositive(Utils.murmur2(market.getBytes(StandardCharsets.UTF_8)))
                    % Topics.MARKET_PARTITIONS;
            if (byPartition[partition] == null) {
                byPartition[partition] = market;
                found++;
            }
        }
        return List.of(byPartition);
    }

    private void tick(String market) {
        Instant now = Instant.now();
        kafka.produce(Topics.PRICE_TICKS, market, new PriceTick(UUID.randomUUID(), now, "tick", market, "KXSCALE",
                MarketStatus.OPEN, Optional.empty(), Price.parse("0.49"), Price.parse("0.50"), Price.parse("0.50"),
                Price.parse("0.51"), Optional.empty(), Contracts.whole(500), now.plusSeconds(7200), 1, now));
    }

    private static Fill entry(String market, String position) {
        return new Fill(UUID.randomUUID(), Instant.now(), "corr-" + position, position, "t-" + position, "o-1",
                position + "-1", market, "KXSCALE", OrderPurpose.ENTRY, Side.YES, Action.BUY, Contracts.whole(10),
                Price.parse("0.50"), Money.ZERO, true, Instant.now(), Optional.of(new BigDecimal("0.85")),
                new MethodRef("kelly-quarter", 1));
    }
}
