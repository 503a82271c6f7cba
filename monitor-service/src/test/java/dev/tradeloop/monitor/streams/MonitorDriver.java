package dev.tradeloop.monitor.streams;

import dev.tradeloop.events.Action;
import dev.tradeloop.events.Alert;
import dev.tradeloop.events.DeadLetter;
import dev.tradeloop.events.Event;
import dev.tradeloop.events.ExitTrigger;
import dev.tradeloop.events.Fill;
import dev.tradeloop.events.MarketStatus;
import dev.tradeloop.events.MethodRef;
import dev.tradeloop.events.OrderEnding;
import dev.tradeloop.events.OrderEvent;
import dev.tradeloop.events.OrderPurpose;
import dev.tradeloop.events.OrderStatus;
import dev.tradeloop.events.PositionEvent;
import dev.tradeloop.events.PositionMarked;
import dev.tradeloop.events.Prediction;
import dev.tradeloop.events.PriceTick;
import dev.tradeloop.events.Side;
import dev.tradeloop.events.Topic;
import dev.tradeloop.events.Topics;
import dev.tradeloop.events.TradingMode;
import dev.tradeloop.events.TradingState;
import dev.tradeloop.events.money.Contracts;
import dev.tradeloop.events.money.Money;
import dev.tradeloop.events.money.Price;
import dev.tradeloop.rules.MethodCatalog;
import dev.tradeloop.testkit.TempDirectories;
import java.io.Closeable;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;

/**
 * The monitor's topology in a {@link TopologyTestDriver}, with the wall clock in the test's hands and
 * the inputs and outputs as events: the given / when / then of the scenarios.
 */
final class MonitorDriver implements Closeable {

    static final Instant T0 = Instant.parse("2026-11-24T14:00:00Z");
    static final MethodRef METHOD = new MethodRef("kelly-quarter", 1);
    static final String MARKET = "KXMON-T1";
    static final String POSITION = "pos-1";

    private final TopologyTestDriver driver;
    private final TestInputTopic<String, byte[]> ticks;
    private final TestInputTopic<String, byte[]> predictions;
    private final TestInputTopic<String, byte[]> fills;
    private final TestInputTopic<String, byte[]> orders;
    private final TestInputTopic<String, byte[]> states;
    private final TestInputTopic<String, byte[]> decisions;
    private final TestOutputTopic<String, PositionEvent> positionEvents;
    private final TestOutputTopic<String, PositionMarked> positionMarks;
    private final TestOutputTopic<String, ExitTrigger> exitTriggers;
    private final TestOutputTopic<String, Alert> alerts;
    private final TestOutputTopic<String, DeadLetter> fillLetters;
    private final TestOutputTopic<String, DeadLetter> tickLetters;
    private final TaskActivity activity = new TaskActivity();
    private final LivePositions live = new LivePositions();
    private final Path stateDir = Files.createTempDirectory("monitor-test");
    private Instant now = T0;
    private long sequence;
    private int trades;

    MonitorDriver() throws Exception {
        MethodCatalog methods = MethodCatalog.load(Path.of(System.getProperty("tradeloop.methods.dir")));
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "monitor-test");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        config.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        driver = new TopologyTestDriver(MonitorTopology.build(new StreamsBuilder(), methods::get,
                Duration.ofMinutes(2), MonitorMetrics.NONE, activity, live), config, T0);
        ticks = input(Topics.PRICE_TICKS);
        predictions = input(Topics.PREDICTIONS);
        fills = input(Topics.FILLS);
        orders = input(Topics.ORDER_EVENTS);
        states = input(Topics.TRADING_STATE);
        decisions = input(Topics.RISK_DECISIONS);
        positionEvents = output(Topics.POSITION_EVENTS);
        positionMarks = output(Topics.POSITION_MARKS);
        exitTriggers = output(Topics.EXIT_TRIGGERS);
        alerts = output(Topics.ALERTS);
        fillLetters = output(Topics.deadLetterOf(Topics.FILLS));
        tickLetters = output(Topics.deadLetterOf(Topics.PRICE_TICKS));
    }

    /** The positions that sent a mark alone since their store entry was written, as the API reads them. */
    LivePositions live() {
        return live;
    }

    /** Each task's last round over its positions, as the supervision reads it. */
    TaskActivity activity() {
        return activity;
    }

    List<DeadLetter> tickDeadLetters() {
        return tickLetters.readValuesToList();
    }

    private TestInputTopic<String, byte[]> input(Topic<?> topic) {
        return driver.createInputTopic(topic.name(), new StringSerializer(), new ByteArraySerializer(), now,
                Duration.ZERO);
    }

    private <V extends Event> TestOutputTopic<String, V> output(Topic<V> topic) {
        return driver.createOutputTopic(topic.name(), new StringDeserializer(), topic.valueSerde().deserializer());
    }

    /** Moves the wall clock: timers fire as they would. */
    void after(Duration elapsed) {
        now = now.plus(elapsed);
        driver.advanceWallClockTime(elapsed);
    }

    Instant now() {
        return now;
    }

    /** A tick of the market: YES bid/ask given, NO the complements, closing in {@code closesIn}. */
    void tick(String yesBid, String yesAsk, long volume, Duration closesIn) {
        tickNumbered(++sequence, yesBid, yesAsk, volume, closesIn);
    }

    void tick(String yesBid, String yesAsk) {
        tick(yesBid, yesAsk, 500, Duration.ofHours(2));
    }

    void tickNumbered(long number, String yesBid, String yesAsk, long volume, Duration closesIn) {
        tickWhile(MarketStatus.OPEN, number, yesBid, yesAsk, volume, closesIn);
    }

    /** A tick of the market while it is paused (Kalshi's "inactive"): quoted, but taking no order. */
    void pausedTick(String yesBid, String yesAsk) {
        tickWhile(MarketStatus.PAUSED, ++sequence, yesBid, yesAsk, 500, Duration.ofHours(2));
    }

    private void tickWhile(MarketStatus status, long number, String yesBid, String yesAsk, long volume,
            Duration closesIn) {
        Price bid = Price.parse(yesBid);
        Price ask = Price.parse(yesAsk);
        PriceTick tick = new PriceTick(UUID.randomUUID(), now, "tick", MARKET, "KXMON", status, Optional.empty(), bid, ask,
                ask.complement(), bid.complement(), Optional.empty(), Contracts.whole(volume), T0.plus(closesIn),
                number, now);
        ticks.pipeInput(MARKET, Topics.PRICE_TICKS.codec().encode(tick), now);
    }

    /** A tick of the market, YES bid/ask given, not yet sent: to send the very same tick to two monitors. */
    PriceTick quote(String yesBid, String yesAsk) {
        Price bid = Price.parse(yesBid);
        Price ask = Price.parse(yesAsk);
        return new PriceTick(UUID.randomUUID(), now, "tick", MARKET, "KXMON", MarketStatus.OPEN, Optional.empty(), bid,
                ask, ask.complement(), bid.complement(), Optional.empty(), Contracts.whole(500),
                T0.plus(Duration.ofHours(2)), ++sequence, now);
    }

    /** Puts a tick in the task's store without processing it: what a restarted task finds there. */
    void heardBeforeTheStart(String yesBid, String yesAsk, Duration ago, Duration closesIn) {
        Price bid = Price.parse(yesBid);
        Price ask = Price.parse(yesAsk);
        Instant at = now.minus(ago);
        PriceTick tick = new PriceTick(UUID.randomUUID(), at, "tick", MARKET, "KXMON", MarketStatus.OPEN,
                Optional.empty(), bid, ask, ask.complement(), bid.complement(), Optional.empty(), Contracts.whole(500),
                now.plus(closesIn), ++sequence, at);
        driver.<String, PriceTick>getKeyValueStore(MonitorTopology.TICKS).put(MARKET, tick);
    }

    void send(PriceTick tick) {
        ticks.pipeInput(MARKET, Topics.PRICE_TICKS.codec().encode(tick), now);
    }

    /** The market's last tick: settled, {@code result} won, the book empty. */
    void settled(Side result) {
        settled(result, Optional.empty());
    }

    /** As {@link #settled(Side)}, saying what the exchange paid the account for the market. */
    void settled(Side result, Optional<Money> accountPaid) {
        PriceTick tick = new PriceTick(UUID.randomUUID(), now, "tick", MARKET, "KXMON", MarketStatus.SETTLED,
                Optional.of(result), Price.ZERO, Price.ONE, Price.ZERO, Price.ONE, Optional.empty(),
                Contracts.whole(500), T0, ++sequence, now).withAccountSettlement(accountPaid);
        ticks.pipeInput(MARKET, Topics.PRICE_TICKS.codec().encode(tick), now);
    }

    void predict(String probabilityYes) {
        Prediction prediction = new Prediction(UUID.randomUUID(), now, "p", MARKET, new BigDecimal(probabilityYes),
                new BigDecimal("0.85"), "model", "1");
        predictions.pipeInput(MARKET, Topics.PREDICTIONS.codec().encode(prediction), now);
    }

    /** An entry (BUY) or exit (SELL) fill of {@code side} at {@code price}, fee given. */
    void fill(Side side, Action action, long count, String price, String fee) {
        Fill fill = new Fill(UUID.randomUUID(), now, "corr-1", POSITION, "trade-" + (++trades), "order-1",
                POSITION + "-1", MARKET, "KXMON", action == Action.BUY ? OrderPurpose.ENTRY : OrderPurpose.EXIT, side,
                action, Contracts.whole(count), Price.parse(price), Money.parse(fee), true, now,
                Optional.of(new BigDecimal("0.85")), METHOD);
        fills.pipeInput(POSITION, Topics.FILLS.codec().encode(fill), now);
    }

    void rawFill(String json) {
        fills.pipeInput(POSITION, json.getBytes(java.nio.charset.StandardCharsets.UTF_8), now);
    }

    /** exit-service gave up the exit of {@code trigger}: its end, as its orders name it. */
    void exitFailed(ExitTrigger trigger) {
        OrderEvent failed = new OrderEvent(UUID.randomUUID(), now, "corr-1", POSITION, MARKET, OrderPurpose.EXIT,
                OrderStatus.EXIT_FAILED, ExitTrigger.executionIdOf(trigger.eventId()) + "-1", Optional.empty(),
                trigger.side(), Action.SELL, Optional.empty(),
                Contracts.whole(1), Contracts.ZERO, 1, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of("gave up after 5 walks"), METHOD,
                Optional.of(OrderEnding.WALKS_SPENT));
        orders.pipeInput(POSITION, Topics.ORDER_EVENTS.codec().encode(failed), now);
    }

    /** The risk gate turned away an edge of {@code edge} on another market, for {@code reasons}. */
    void edgeTurnedAway(String edge, dev.tradeloop.events.RiskReason... reasons) {
        dev.tradeloop.events.RiskDecision decision = new dev.tradeloop.events.RiskDecision(UUID.randomUUID(), now,
                "edge", "KXOTHER-1", UUID.randomUUID(), new BigDecimal(edge), dev.tradeloop.events.RiskOutcome.REJECTED,
                List.of(reasons), Optional.empty(), Optional.empty(), Optional.empty(), METHOD);
        decisions.pipeInput("KXOTHER-1", Topics.RISK_DECISIONS.codec().encode(decision), now);
    }

    void flattenAll() {
        TradingState state = new TradingState(UUID.randomUUID(), now, "s", TradingMode.REDUCE_ONLY, true, List.of());
        states.pipeInput(TradingState.KEY, Topics.TRADING_STATE.codec().encode(state), now);
    }

    /** Every position the monitor holds now, from its store. */
    java.util.Map<String, dev.tradeloop.rules.position.Position> positions() {
        java.util.Map<String, dev.tradeloop.rules.position.Position> all = new java.util.TreeMap<>();
        org.apache.kafka.streams.state.KeyValueStore<String, dev.tradeloop.rules.position.Position> store =
                driver.getKeyValueStore(MonitorTopology.POSITIONS);
        try (var iterator = store.all()) {
            iterator.forEachRemaining(entry -> all.put(entry.key, entry.value));
        }
        return all;
    }

    /** The position events emitted since the last call, by type name. */
    List<PositionEvent> positionEvents() {
        return positionEvents.readValuesToList();
    }

    /** The marks sent since the last call, keyed by position id. */
    List<KeyValue<String, PositionMarked>> positionMarks() {
        return positionMarks.readKeyValuesToList();
    }

    List<ExitTrigger> exitTriggers() {
        return exitTriggers.readValuesToList();
    }

    List<Alert> alerts() {
        return alerts.readValuesToList();
    }

    List<DeadLetter> fillDeadLetters() {
        return fillLetters.readValuesToList();
    }

    static List<String> types(List<? extends Event> events) {
        return events.stream().map(Event::type).toList();
    }

    @Override
    public void close() {
        driver.close();
        TempDirectories.delete(stateDir);
    }
}
