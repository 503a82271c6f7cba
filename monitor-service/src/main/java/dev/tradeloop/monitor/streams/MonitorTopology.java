package dev.tradeloop.monitor.streams;

import dev.tradeloop.events.Alert;
import dev.tradeloop.events.DeadLetter;
import dev.tradeloop.events.Event;
import dev.tradeloop.events.ExitTrigger;
import dev.tradeloop.events.Fill;
import dev.tradeloop.events.MethodRef;
import dev.tradeloop.events.OrderEvent;
import dev.tradeloop.events.PositionEvent;
import dev.tradeloop.events.PositionMarked;
import dev.tradeloop.events.Topic;
import dev.tradeloop.events.Topics;
import dev.tradeloop.events.TradingState;
import dev.tradeloop.events.json.EventCodec;
import dev.tradeloop.events.json.EventSerde;
import dev.tradeloop.rules.Method;
import dev.tradeloop.rules.position.Position;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;

/**
 * The monitor's topology. Ticks and predictions arrive keyed by market ticker; fills and order
 * events (keyed by position id) are re-keyed by their market and repartitioned, so a market's ticks
 * and its positions meet in one task without another hop. Every input is decoded on the way in;
 * what cannot be decoded goes to its topic's dead-letter topic, inside the same transaction. The
 * trading state is a global table every task reads, and so is the best edge waiting for capital
 * ({@link WaitingEdge}, from {@code risk-decisions}). Outputs: {@code position-events} (the positions'
 * changes of state), {@code position-marks} (what each is worth now), {@code exit-triggers} (all three
 * keyed by position id) and {@code alerts}. Every node and store is named,
 * so changelogs and internal topics keep their names across versions.
 */
public final class MonitorTopology {

    public static final String POSITIONS = "positions";
    public static final String TICKS = "latest-ticks";
    public static final String PREDICTIONS = "latest-predictions";
    public static final String TRADING_STATE = "trading-state-store";
    public static final String WAITING_EDGE = "waiting-edge";

    private static final Serde<String> KEYS = Serdes.String();
    private static final Serde<byte[]> RAW = Serdes.ByteArray();
    private static final Serde<Event> ANY_EVENT = new EventSerde<>(new EventCodec<>("monitor-internal", Event.class));

    private MonitorTopology() {
    }

    /** The topology, with the methods positions are evaluated under and when a position counts as stale. */
    public static Topology build(StreamsBuilder builder, Function<MethodRef, Optional<Method>> methods,
            Duration staleAfter) {
        return build(builder, methods, staleAfter, MonitorMetrics.NONE, new TaskActivity(), new LivePositions());
    }

    /**
     * The topology, counting into {@code metrics} what it processes and triggers, each task's rounds into
     * {@code activity}, and leaving the positions that sent a mark alone in {@code live}, for the API.
     */
    public static Topology build(StreamsBuilder builder, Function<MethodRef, Optional<Method>> methods,
            Duration staleAfter, MonitorMetrics metrics, TaskActivity activity, LivePositions live) {
        // cached: a position or a market's price updated many times between two commits reaches
        // RocksDB and its changelog once
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(POSITIONS), KEYS,
                positionSerde()).withCachingEnabled());
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(TICKS), KEYS,
                Topics.PRICE_TICKS.valueSerde()).withCachingEnabled());
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(PREDICTIONS), KEYS,
                Topics.PREDICTIONS.valueSerde()).withCachingEnabled());
        builder.globalTable(Topics.TRADING_STATE.name(), Consumed.with(KEYS, Topics.TRADING_STATE.valueSerde())
                .withName("trading-state-in"), Materialized.<String, TradingState>as(Stores.persistentKeyValueStore(
                        TRADING_STATE)).withKeySerde(KEYS).withValueSerde(Topics.TRADING_STATE.valueSerde()));

        builder.addGlobalStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(WAITING_EDGE), KEYS,
                new JsonSerde<>(WaitingEdge.class)).withLoggingDisabled(), Topics.RISK_DECISIONS.name(),
                Consumed.with(KEYS, RAW).withName("risk-decisions-in"), WaitingEdge.Feed::new);

        KStream<String, Event> ticks = decoded(builder, Topics.PRICE_TICKS, "ticks");
        KStream<String, Event> predictions = decoded(builder, Topics.PREDICTIONS, "predictions");
        KStream<String, Event> fills = byMarket(decoded(builder, Topics.FILLS, "fills"), "fills",
                event -> ((Fill) event).marketTicker());
        KStream<String, Event> orders = byMarket(decoded(builder, Topics.ORDER_EVENTS, "order-events"), "order-events",
                event -> ((OrderEvent) event).marketTicker());

        KStream<String, Event> out = ticks.merge(predictions, Named.as("merge-predictions"))
                .merge(fills, Named.as("merge-fills"))
                .merge(orders, Named.as("merge-order-events"))
                .process(() -> new PositionProcessor(methods, staleAfter, metrics, activity, live),
                        Named.as("positions-processor"),
                        POSITIONS, TICKS, PREDICTIONS);

        out.split(Named.as("out-"))
                .branch((key, event) -> event instanceof PositionMarked, Branched.withConsumer(stream -> stream
                        .mapValues(event -> (PositionMarked) event, Named.as("as-position-mark"))
                        .to(Topics.POSITION_MARKS.name(), Produced.with(KEYS, Topics.POSITION_MARKS.valueSerde())
                                .withName("position-marks-out")), "position-marks"))
                .branch((key, event) -> event instanceof PositionEvent, Branched.withConsumer(stream -> stream
                        .mapValues(event -> (PositionEvent) event, Named.as("as-position-event"))
                        .to(Topics.POSITION_EVENTS.name(), Produced.with(KEYS, Topics.POSITION_EVENTS.valueSerde())
                                .withName("position-events-out")), "position-events"))
                .branch((key, event) -> event instanceof ExitTrigger, Branched.withConsumer(stream -> stream
                        .mapValues(event -> (ExitTrigger) event, Named.as("as-exit-trigger"))
                        .to(Topics.EXIT_TRIGGERS.name(), Produced.with(KEYS, Topics.EXIT_TRIGGERS.valueSerde())
                                .withName("exit-triggers-out")), "exit-triggers"))
                .branch((key, event) -> event instanceof Alert, Branched.withConsumer(stream -> stream
                        .mapValues(event -> (Alert) event, Named.as("as-alert"))
                        .to(Topics.ALERTS.name(), Produced.with(KEYS, Topics.ALERTS.valueSerde())
                                .withName("alerts-out")), "alerts"))
                .branch((key, event) -> event instanceof DeadLetter, Branched.withConsumer(stream -> stream
                        .mapValues(event -> (DeadLetter) event, Named.as("as-dead-letter"))
                        .to((key, letter, context) -> Topics.deadLetterOf(Topics.byName(letter.sourceTopic())
                                .orElseThrow()).name(), Produced.with(KEYS, Topics.deadLetterOf(Topics.FILLS)
                                .valueSerde()).withName("dead-letters-out")), "dead-letters"))
                .noDefaultBranch();
        return builder.build();
    }

    /** How the positions store keeps a position. */
    public static Serde<Position> positionSerde() {
        return new JsonSerde<>(Position.class);
    }

    /** The events of {@code topic}; its undecodable messages go to its dead-letter topic. */
    private static KStream<String, Event> decoded(StreamsBuilder builder, Topic<?> topic, String name) {
        KStream<String, Decoded> read = builder.stream(topic.name(), Consumed.with(KEYS, RAW).withName(name + "-in"))
                .processValues(() -> Decoded.of(topic), Named.as(name + "-decode"));
        Topic<DeadLetter> deadLetters = Topics.deadLetterOf(topic);
        read.filter((key, decoded) -> decoded.deadLetter().isPresent(), Named.as(name + "-undecodable"))
                .mapValues(decoded -> decoded.deadLetter().orElseThrow(), Named.as(name + "-dead-letter"))
                .to(deadLetters.name(), Produced.with(KEYS, deadLetters.valueSerde()).withName(name + "-dlq-out"));
        return read.filter((key, decoded) -> decoded.event().isPresent(), Named.as(name + "-decodable"))
                .mapValues(decoded -> decoded.event().orElseThrow(), Named.as(name + "-event"));
    }

    /** Re-keys position-keyed events by their market and repartitions them onto the market-keyed partitions. */
    private static KStream<String, Event> byMarket(KStream<String, Event> events, String name,
            Function<Event, String> market) {
        return events.selectKey((key, event) -> market.apply(event), Named.as(name + "-by-market"))
                .repartition(Repartitioned.<String, Event>as(name + "-by-market").withKeySerde(KEYS)
                        .withValueSerde(ANY_EVENT).withNumberOfPartitions(Topics.MARKET_PARTITIONS));
    }
}
