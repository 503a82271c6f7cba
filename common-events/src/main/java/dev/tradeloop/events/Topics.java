package dev.tradeloop.events;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The topic catalog: every topic of the system, its key, value, partitions and retention, and its
 * dead-letter topic ({@code <name>.dlq}). The {@code *_NAME} constants exist only for annotations,
 * which need compile-time constants; everything else uses the descriptors.
 */
public final class Topics {

    /** Topics keyed by market ticker share this count, so they are co-partitioned. */
    public static final int MARKET_PARTITIONS = 6;
    /** Topics keyed by position id share this count. */
    public static final int POSITION_PARTITIONS = 6;

    public static final String PRICE_TICKS_NAME = "price-ticks";
    public static final String PREDICTIONS_NAME = "predictions";
    public static final String EDGES_NAME = "edges";
    public static final String APPROVED_TRADES_NAME = "approved-trades";
    public static final String RISK_DECISIONS_NAME = "risk-decisions";
    public static final String ORDER_EVENTS_NAME = "order-events";
    public static final String FILLS_NAME = "fills";
    public static final String EXIT_TRIGGERS_NAME = "exit-triggers";
    public static final String POSITION_EVENTS_NAME = "position-events";
    public static final String POSITION_MARKS_NAME = "position-marks";
    public static final String TRADING_STATE_NAME = "trading-state";
    public static final String ACCOUNT_BALANCE_NAME = "account-balance";
    public static final String OPERATIONAL_ERRORS_NAME = "operational-errors";
    public static final String ALERTS_NAME = "alerts";

    private static final Duration WEEK = Duration.ofDays(7);
    private static final Duration MONTH = Duration.ofDays(30);

    public static final Topic<PriceTick> PRICE_TICKS = topic(PRICE_TICKS_NAME, KeyKind.MARKET_TICKER,
            PriceTick.class, MARKET_PARTITIONS, Retention.of(Duration.ofDays(1)));
    public static final Topic<Prediction> PREDICTIONS = topic(PREDICTIONS_NAME, KeyKind.MARKET_TICKER,
            Prediction.class, MARKET_PARTITIONS, Retention.compactedLatestPerKey());
    public static final Topic<Edge> EDGES = topic(EDGES_NAME, KeyKind.MARKET_TICKER,
            Edge.class, MARKET_PARTITIONS, Retention.of(WEEK));
    public static final Topic<ApprovedTrade> APPROVED_TRADES = topic(APPROVED_TRADES_NAME, KeyKind.POSITION_ID,
            ApprovedTrade.class, POSITION_PARTITIONS, Retention.forever());
    public static final Topic<RiskDecision> RISK_DECISIONS = topic(RISK_DECISIONS_NAME, KeyKind.MARKET_TICKER,
            RiskDecision.class, MARKET_PARTITIONS, Retention.forever());
    public static final Topic<OrderEvent> ORDER_EVENTS = topic(ORDER_EVENTS_NAME, KeyKind.POSITION_ID,
            OrderEvent.class, POSITION_PARTITIONS, Retention.forever());
    public static final Topic<Fill> FILLS = topic(FILLS_NAME, KeyKind.POSITION_ID,
            Fill.class, POSITION_PARTITIONS, Retention.forever());
    public static final Topic<ExitTrigger> EXIT_TRIGGERS = topic(EXIT_TRIGGERS_NAME, KeyKind.POSITION_ID,
            ExitTrigger.class, POSITION_PARTITIONS, Retention.forever());
    public static final Topic<PositionEvent> POSITION_EVENTS = topic(POSITION_EVENTS_NAME, KeyKind.POSITION_ID,
            PositionEvent.class, POSITION_PARTITIONS, Retention.forever());
    /** Each open position's latest mark; a position closed a week ago has none left. */
    public static final Topic<PositionMarked> POSITION_MARKS = topic(POSITION_MARKS_NAME, KeyKind.POSITION_ID,
            PositionMarked.class, POSITION_PARTITIONS, Retention.compactedLatestPerKeyFor(WEEK));
    public static final Topic<TradingState> TRADING_STATE = topic(TRADING_STATE_NAME, KeyKind.ACCOUNT,
            TradingState.class, 1, Retention.compactedLatestPerKey());
    public static final Topic<AccountEvent> ACCOUNT_BALANCE = topic(ACCOUNT_BALANCE_NAME, KeyKind.ACCOUNT,
            AccountEvent.class, 1, Retention.compactedLatestPerKey());
    public static final Topic<OperationalError> OPERATIONAL_ERRORS = topic(OPERATIONAL_ERRORS_NAME, KeyKind.SERVICE,
            OperationalError.class, 1, Retention.of(WEEK));
    public static final Topic<Alert> ALERTS = topic(ALERTS_NAME, KeyKind.NONE,
            Alert.class, 1, Retention.of(MONTH));

    private static final List<Topic<?>> EVENT_TOPICS = List.of(PRICE_TICKS, PREDICTIONS, EDGES, APPROVED_TRADES,
            RISK_DECISIONS, ORDER_EVENTS, FILLS, EXIT_TRIGGERS, POSITION_EVENTS, POSITION_MARKS, TRADING_STATE,
            ACCOUNT_BALANCE, OPERATIONAL_ERRORS, ALERTS);

    private Topics() {
    }

    /** The topics that carry the system's events, without their dead-letter topics. */
    public static List<Topic<?>> eventTopics() {
        return EVENT_TOPICS;
    }

    /** The dead-letter topic of {@code source}: same key and partitions, kept a month. */
    public static Topic<DeadLetter> deadLetterOf(Topic<?> source) {
        String name = source.deadLetterTopic();
        return new Topic<>(name, source.key(), DeadLetter.class, source.partitions(), Retention.of(MONTH), name);
    }

    /** Every topic to create on a broker: the event topics and their dead-letter topics. */
    public static List<Topic<?>> all() {
        List<Topic<?>> all = new ArrayList<>(EVENT_TOPICS);
        EVENT_TOPICS.forEach(topic -> all.add(deadLetterOf(topic)));
        return List.copyOf(all);
    }

    public static Optional<Topic<?>> byName(String name) {
        return all().stream().filter(topic -> topic.name().equals(name)).findFirst();
    }

    private static <V extends Event> Topic<V> topic(
            String name, KeyKind key, Class<V> type, int partitions, Retention retention) {
        return new Topic<>(name, key, type, partitions, retention, name + ".dlq");
    }
}
