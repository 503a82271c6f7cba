package dev.tradeloop.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.tradeloop.events.Action;
import dev.tradeloop.events.ExitReason;
import dev.tradeloop.events.ExitTrigger;
import dev.tradeloop.events.Fill;
import dev.tradeloop.events.MarketStatus;
import dev.tradeloop.events.MethodRef;
import dev.tradeloop.events.OrderEvent;
import dev.tradeloop.events.OrderPurpose;
import dev.tradeloop.events.PositionClosed;
import dev.tradeloop.events.PositionEvent;
import dev.tradeloop.events.PositionOpened;
import dev.tradeloop.events.PriceTick;
import dev.tradeloop.events.Side;
import dev.tradeloop.events.Topics;
import dev.tradeloop.events.json.Json;
import dev.tradeloop.events.money.Contracts;
import dev.tradeloop.events.money.Money;
import dev.tradeloop.events.money.Price;
import dev.tradeloop.exchange.model.NewOrder;
import dev.tradeloop.exchange.model.Order;
import dev.tradeloop.testkit.ServiceProcess;
import dev.tradeloop.testkit.TestExchange;
import dev.tradeloop.testkit.TestKafka;
import dev.tradeloop.testkit.TopicReader;
import dev.tradeloop.testkit.TradeloopInfrastructure;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.common.utils.Utils;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two monitor-service and two exit-service instances on one broker, one of each killed (SIGKILL) in
 * the middle: the partitions are spread over both instances of each; the exit-service instance killed
 * had just sent a stop-loss order whose answer the exchange held back, and the monitor instance
 * killed held positions still to be stopped out. The survivors take their partitions and their
 * unfinished exit: every position gets one trigger, one order on the exchange, one fill and one close.
 */
@ExtendWith(TradeloopInfrastructure.class)
class ExitScaleOutTest {

    private static final Duration DEADLINE = Duration.ofSeconds(120);
    private static final String EVENT = "KXSCALEX";
    private final TestKafka kafka = TestKafka.get();
    private final TestExchange exchange = TestExchange.get();

    @Test
    void killing_one_of_two_instances_loses_no_trigger_and_duplicates_no_order() throws Exception {
        List<String> markets = keysOnEveryPartition(EVENT + "-", Topics.MARKET_PARTITIONS);
        List<String> positions = keysOnEveryPartition("pos-", Topics.POSITION_PARTITIONS);
        markets.forEach(this::traderHoldsTenYesWithABidAtForty);
        Stack stack = new Stack("exit_scale_out");
        Stack.publishActiveState();
        List<ServiceProcess> started = new ArrayList<>();
        try (TopicReader<PositionEvent> positionEvents = kafka.reader(Topics.POSITION_EVENTS);
                TopicReader<ExitTrigger> triggers = kafka.reader(Topics.EXIT_TRIGGERS);
                TopicReader<OrderEvent> orders = kafka.reader(Topics.ORDER_EVENTS);
                TopicReader<Fill> fills = kafka.reader(Topics.FILLS)) {
            started.addAll(stack.startTogether("monitor-service", "monitor-service", "exit-service", "exit-service"));
            ServiceProcess monitorKilled = started.get(0);
            ServiceProcess monitorLeft = started.get(1);
            List<ServiceProcess> exits = started.subList(2, 4);

            for (int i = 0; i < positions.size(); i++) {
                kafka.produce(Topics.PRICE_TICKS, markets.get(i), tick(markets.get(i), "0.49", "0.50", 1));
                kafka.produce(Topics.FILLS, positions.get(i), entry(markets.get(i), positions.get(i)));
            }
            positionEvents.awaitCount(e -> e instanceof PositionOpened && positions.contains(e.positionId()),
                    positions.size(), DEADLINE);
            Awaitility.await("each instance to hold some positions, either to answer for all")
                    .atMost(DEADLINE).pollInterval(Duration.ofMillis(500)).until(() ->
                            !held(monitorKilled, "/positions?scope=local", positions).isEmpty()
                            && !held(monitorLeft, "/positions?scope=local", positions).isEmpty()
                            && held(monitorKilled, "/positions", positions).size() == positions.size()
                            && held(monitorLeft, "/positions", positions).size() == positions.size());
            Awaitility.await("both exit-service instances to hold exit-trigger partitions").atMost(DEADLINE)
                    .pollInterval(Duration.ofMillis(500)).until(() -> exitServiceAssignments() == 2);

            // the first stop-loss order reaches the exchange, whose answer is held back for 30 s
            String first = positions.get(0);
            exchange.armFault("{\"kind\":\"RESPONSE_LOST\",\"operation\":\"create\",\"count\":1,\"delay_ms\":30000}");
            kafka.produce(Topics.PRICE_TICKS, markets.get(0), tick(markets.get(0), "0.40", "0.42", 2));
            Awaitility.await("the first stop-loss order to reach the exchange").atMost(DEADLINE)
                    .pollInterval(Duration.ofMillis(100)).until(() -> exitOrdersOn(markets.get(0)).size() == 1);
            ServiceProcess exitKilled = exits.stream().filter(e -> e.log().contains("exit " + first + " accepted"))
                    .findFirst().orElseThrow();
            ServiceProcess exitLeft = exits.get(exits.get(0) == exitKilled ? 1 : 0);
            exitKilled.kill();
            monitorKilled.kill();

            for (int i = 1; i < positions.size(); i++) {
                kafka.produce(Topics.PRICE_TICKS, markets.get(i), tick(markets.get(i), "0.40", "0.42", 2));
            }
            List<PositionEvent> closes = positionEvents.awaitCount(
                    e -> e instanceof PositionClosed && positions.contains(e.positionId()), positions.size(), DEADLINE);

            triggers.awaitCount(t -> positions.contains(t.positionId()), positions.size(), DEADLINE);
            fills.awaitCount(f -> f.purpose() == OrderPurpose.EXIT && positions.contains(f.positionId()),
                    positions.size(), DEADLINE);
            assertThat(closes).extracting(PositionEvent::positionId).containsExactlyInAnyOrderElementsOf(positions);
            assertThat(perPosition(positionEvents.decoded().stream().filter(PositionClosed.class::isInstance)
                    .map(PositionEvent::positionId).toList(), positions)).allSatisfy(
                    (position, count) -> assertThat(count).as("closes of " + position).isEqualTo(1L));
            assertThat(perPosition(triggers.decoded().stream().map(ExitTrigger::positionId).toList(), positions))
                    .hasSize(positions.size())
                    .allSatisfy((position, count) -> assertThat(count).as("triggers of " + position).isEqualTo(1L));
            assertThat(triggers.decoded()).filteredOn(t -> positions.contains(t.positionId()))
                    .extracting(ExitTrigger::reason).containsOnly(ExitReason.STOP_LOSS);
            for (String market : markets) {
                assertThat(exitOrdersOn(market)).as("exit orders on " + market).hasSize(1);
            }
            List<Fill> exitFills = fills.decoded().stream()
                    .filter(f -> f.purpose() == OrderPurpose.EXIT && positions.contains(f.positionId())).toList();
            assertThat(exitFills.stream().collect(Collectors.groupingBy(Fill::positionId,
                    Collectors.mapping(Fill::eventId, Collectors.toSet())))).hasSize(positions.size())
                    .allSatisfy((position, ids) -> assertThat(ids).as("fills of " + position).hasSize(1));
            assertThat(exitFills).allSatisfy(f -> {
                assertThat(f.count()).isEqualTo(Contracts.whole(10));
                assertThat(f.price()).isEqualTo(Price.parse("0.40"));
            });

            // the killed instance's exit was resumed by the other, which found its order on the exchange
            assertThat(exitLeft.log()).contains("resuming exit " + first);
            orders.await(e -> e.positionId().equals(first) && e.note().filter(
                    note -> note.contains("found on the exchange by its client order id")).isPresent(), DEADLINE);
            // the survivors hold every partition: the monitor every position in its own stores
            Awaitility.await("the surviving exit-service instance to hold every exit-trigger partition")
                    .atMost(DEADLINE).pollInterval(Duration.ofMillis(500)).until(() -> exitServiceAssignments() == 1);
            List<Map<String, Object>> answer = Json.mapper().readValue(
                    monitorLeft.get("/positions?scope=local").body(), new TypeReference<>() { });
            assertThat(answer).filteredOn(p -> positions.contains((String) p.get("positionId")))
                    .hasSize(positions.size()).allSatisfy(p -> assertThat(p.get("closed")).isEqualTo(true));
        } finally {
            started.forEach(ServiceProcess::close);
        }
    }

    /** The trader holds 10 YES bought at 0.50; the book is 0.40 bid (100), 0.45 ask. */
    private void traderHoldsTenYesWithABidAtForty(String market) {
        exchange.listMarket(market, EVENT, Instant.now().plus(2, ChronoUnit.HOURS));
        exchange.maker().createOrder(NewOrder.of(market, Side.NO, Action.BUY, Contracts.whole(10),
                Price.parse("0.50"), NewOrder.GOOD_TILL_CANCELED, "maker-" + UUID.randomUUID()));
        exchange.trader().createOrder(NewOrder.of(market, Side.YES, Action.BUY, Contracts.whole(10),
                Price.parse("0.50"), NewOrder.IMMEDIATE_OR_CANCEL, "setup-" + UUID.randomUUID()));
        exchange.maker().createOrder(NewOrder.of(market, Side.NO, Action.BUY, Contracts.whole(100),
                Price.parse("0.55"), NewOrder.GOOD_TILL_CANCELED, "maker-" + UUID.randomUUID()));
        exchange.maker().createOrder(NewOrder.of(market, Side.YES, Action.BUY, Contracts.whole(100),
                Price.parse("0.40"), NewOrder.GOOD_TILL_CANCELED, "maker-" + UUID.randomUUID()));
    }

    private List<Order> exitOrdersOn(String market) {
        return exchange.trader().orders(Map.of("ticker", market), Optional.empty(), 100).items().stream()
                .filter(o -> o.clientOrderId() != null && o.clientOrderId().startsWith("exit-")).toList();
    }

    /** How many members of exit-service's consumer group hold partitions of exit-triggers. */
    private long exitServiceAssignments() throws Exception {
        ConsumerGroupDescription group = kafka.admin().describeConsumerGroups(List.of("exit-service"))
                .describedGroups().get("exit-service").get();
        Collection<MemberDescription> members = group.members();
        return members.stream().filter(m -> m.assignment().topicPartitions().stream()
                .anyMatch(p -> p.topic().equals(Topics.EXIT_TRIGGERS.name()))).count();
    }

    /** How often each of {@code positions} appears among {@code positionIds}. */
    private static Map<String, Long> perPosition(List<String> positionIds, List<String> positions) {
        return positionIds.stream().filter(positions::contains)
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }

    /** Which of {@code positions} the answer to {@code path} lists. */
    private static List<String> held(ServiceProcess service, String path, List<String> positions) throws IOException {
        String body = service.get(path).body();
        return positions.stream().filter(body::contains).toList();
    }

    /** One new key per partition of a topic with {@code partitions} partitions, in partition order. */
    private static List<String> keysOnEveryPartition(String prefix, int partitions) {
        String[] byPartition = new String[partitions];
        int found = 0;
        while (found < partitions) {
            String key = prefix + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
            int partition = Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions;
            if (byPartition[partition] == null) {
                byPartition[partition] = key;
                found++;
            }
        }
        return List.of(byPartition);
    }

    private static PriceTick tick(String market, String yesBid, String yesAsk, long sequence) {
        Instant now = Instant.now();
        Price bid = Price.parse(yesBid);
        Price ask = Price.parse(yesAsk);
        return new PriceTick(UUID.randomUUID(), now, "tick", market, EVENT, MarketStatus.OPEN, Optional.empty(), bid,
                ask, ask.complement(), bid.complement(), Optional.empty(), Contracts.whole(500),
                now.plusSeconds(7200), sequence, now);
    }

    private static Fill entry(String market, String position) {
        return new Fill(UUID.randomUUID(), Instant.now(), "corr-" + position, position, "t-" + position, "o-1",
                position + "-1", market, EVENT, OrderPurpose.ENTRY, Side.YES, Action.BUY, Contracts.whole(10),
                Price.parse("0.50"), Money.ZERO, true, Instant.now(), Optional.of(new BigDecimal("0.85")),
                new MethodRef("kelly-quarter", 1));
    }
}
