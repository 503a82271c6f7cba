package dev.tradeloop.events;

import dev.tradeloop.events.json.DecodeFailure;
import dev.tradeloop.events.money.Contracts;
import dev.tradeloop.events.money.Money;
import dev.tradeloop.events.money.Price;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** One realistic instance of every event type, for round-trip and schema tests. */
public final class EventSamples {

    public static final Instant NOW = Instant.parse("2026-11-24T14:30:05.123Z");
    public static final MethodRef METHOD = new MethodRef("kelly-quarter", 3);
    private static final String CORRELATION = "corr-7f3a";
    private static final String POSITION = "pos-0b1c2d";
    private static final String MARKET = "KXHIGHNY-26NOV24-T52";

    private static int counter;

    private EventSamples() {
    }

    private static UUID id() {
        return new UUID(0x7f3aL, ++counter);
    }

    private static Price price(String dollars) {
        return Price.parse(dollars);
    }

    public static PriceTick priceTick() {
        return new PriceTick(id(), NOW, CORRELATION, MARKET, "KXHIGHNY-26NOV24", MarketStatus.OPEN, Optional.empty(),
                price("0.5500"), price("0.5700"), price("0.4300"), price("0.4500"), Optional.of(price("0.5600")),
                Contracts.parse("1520.00"), Instant.parse("2026-11-25T04:59:00Z"), 4812, NOW.minusMillis(40),
                Optional.of(0), Optional.of(new BigDecimal("1.25")));
    }

    public static Prediction prediction() {
        return new Prediction(id(), NOW, CORRELATION, MARKET, new BigDecimal("0.6400"), new BigDecimal("0.80"),
                "nws-ensemble", "2.1.0");
    }

    public static Edge edge() {
        return new Edge(id(), NOW, CORRELATION, MARKET, "KXHIGHNY-26NOV24", Side.YES, new BigDecimal("0.6400"),
                new BigDecimal("0.80"), price("0.5700"), Money.parse("0.0172"), new BigDecimal("0.0528"),
                price("0.5700"), METHOD, id(), id(), Optional.of(2));
    }

    public static ApprovedTrade approvedTrade() {
        EntryPlan plan = new EntryPlan(ExecutionStrategy.LIMIT_THEN_WALK, price("0.5700"), price("0.5900"),
                price("0.0100"), Duration.ofSeconds(30));
        return new ApprovedTrade(id(), NOW, CORRELATION, POSITION, MARKET, "KXHIGHNY-26NOV24", Side.YES,
                Contracts.whole(43), Money.parse("24.5100"), new BigDecimal("0.80"), plan, METHOD, id());
    }

    public static RiskDecision riskDecision() {
        return new RiskDecision(id(), NOW, CORRELATION, MARKET, id(), new BigDecimal("0.0528"), RiskOutcome.REJECTED,
                List.of(RiskReason.MAX_EVENT_EXPOSURE, RiskReason.ENTRY_IN_FLIGHT), Optional.empty(),
                Optional.empty(), Optional.empty(), METHOD);
    }

    public static OrderEvent orderEvent() {
        return new OrderEvent(id(), NOW, CORRELATION, POSITION, MARKET, OrderPurpose.EXIT, OrderStatus.WALKED,
                POSITION + ":x1:2", Optional.of("ord-9912"), Side.YES, Action.SELL, Optional.of(price("0.6100")),
                Contracts.whole(43), Contracts.whole(10), 2, Optional.of(ExecutionStrategy.WALK_PRICE),
                Optional.of(ExitPriority.MEDIUM), Optional.empty(),
                Optional.of("walk 2 of 5: 0.6200 -> 0.6100, floor 0.5800"), METHOD, Optional.empty());
    }

    public static Fill fill() {
        return new Fill(id(), NOW, CORRELATION, POSITION, "trade-55aa", "ord-9911", POSITION + ":e1:1", MARKET,
                "KXHIGHNY-26NOV24", OrderPurpose.ENTRY, Side.YES, Action.BUY, Contracts.whole(43), price("0.5700"),
                Money.parse("0.7371"), false, NOW.minusMillis(5), Optional.of(new BigDecimal("0.80")), METHOD);
    }

    public static ExitTrigger exitTrigger() {
        return new ExitTrigger(id(), NOW, CORRELATION, POSITION, MARKET, "KXHIGHNY-26NOV24", Side.YES, ExitReason.TRAILING_STOP,
                ExitPriority.HIGH, Contracts.whole(43), Optional.empty(), List.of(ExitReason.EARLY_EXIT),
                price("0.6600"), price("0.6600"), price("0.6800"),
                new ExitExecution(ExecutionStrategy.WALK_THEN_MARKET, Duration.ofSeconds(10), 2, true), METHOD);
    }

    public static TradingState tradingState() {
        return new TradingState(id(), NOW, CORRELATION, TradingMode.REDUCE_ONLY, true, List.of(
                new BreakerState(BreakerName.DAILY_LOSS, true, ResetMode.MANUAL, Optional.of(NOW),
                        Optional.of("day's loss 512.3400 is past 500.0000")),
                new BreakerState(BreakerName.EXCHANGE_API, false, ResetMode.AUTOMATIC, Optional.empty(),
                        Optional.empty())));
    }

    public static Alert alert() {
        return new Alert(id(), NOW, CORRELATION, AlertSeverity.CRITICAL, AlertCode.EXIT_FAILED, "exit-service",
                "LOW exit gave up after 10 walks", Optional.of(POSITION), Optional.of(MARKET));
    }

    public static ReconciliationRun reconciliationRun() {
        return new ReconciliationRun(id(), NOW, CORRELATION, "order-service", "entries",
                Map.of("fillsRead", 120, "fillsRecorded", 1), List.of("fill t-1 of pos-1-1 recorded late"),
                Optional.empty());
    }

    public static BalanceReported balanceReported() {
        return new BalanceReported(id(), NOW, CORRELATION, Money.parse("10500.0000"), "order-service",
                Optional.of(Map.of(0, Money.parse("10000.0000"), 2, Money.parse("500.0000"))));
    }

    public static OperationalError operationalError() {
        return new OperationalError(id(), NOW, CORRELATION, OperationalError.ErrorKind.EXCHANGE_API, "order-service",
                "create order", "503 Service Unavailable");
    }

    public static DeadLetter deadLetter() {
        return new DeadLetter(id(), NOW, CORRELATION, "fills", 3, 1182, Optional.of(POSITION), "{\"type\":\"Fil",
                false, DecodeFailure.MALFORMED_JSON, "fills: not valid JSON", "monitor-service");
    }

    public static List<PositionEvent> positionEvents() {
        return List.of(
                new PositionOpened(id(), NOW, CORRELATION, POSITION, MARKET, "KXHIGHNY-26NOV24", Side.NO,
                        Contracts.whole(43), Money.parse("18.9200"), Money.parse("0.7400"),
                        new BigDecimal("0.80"), METHOD, "trade-1"),
                new PositionIncreased(id(), NOW, CORRELATION, POSITION, MARKET, Contracts.whole(7), price("0.4400"),
                        Money.parse("0.1800"), Contracts.whole(50), Money.parse("22.0000"), Money.parse("0.9200"),
                        "trade-2"),
                new TrailingStopActivated(id(), NOW, CORRELATION, POSITION, MARKET, price("0.6600"),
                        new BigDecimal("0.05"), new BigDecimal("0.6270")),
                new TrailingStopMoved(id(), NOW, CORRELATION, POSITION, MARKET, price("0.6900"),
                        new BigDecimal("0.04"), new BigDecimal("0.6624")),
                new ExitTriggered(id(), NOW, CORRELATION, POSITION, MARKET, ExitReason.PARTIAL_EXIT_TARGET,
                        ExitPriority.MEDIUM, Contracts.whole(25), Optional.of(1), List.of(), id()),
                new PositionPartiallyClosed(id(), NOW, CORRELATION, POSITION, MARKET, Contracts.whole(25),
                        price("0.5100"), Money.parse("0.4400"), Contracts.whole(25), Money.parse("1.1000"),
                        Optional.of(1), "trade-3"),
                new ExitFailed(id(), NOW, CORRELATION, POSITION, MARKET, ExitReason.EARLY_EXIT, ExitPriority.LOW,
                        "10 walks without a fill", Optional.of(OrderEnding.WALKS_SPENT)),
                new PositionClosed(id(), NOW, CORRELATION, POSITION, MARKET, Contracts.whole(25), price("0.5300"),
                        Money.parse("0.4400"), Money.parse("2.0800"), Money.parse("1.8000"),
                        Optional.of(ExitReason.TRAILING_STOP), "trade-4"),
                new PositionSettled(id(), NOW, CORRELATION, POSITION, MARKET, Side.YES, Contracts.whole(25),
                        Money.ZERO, Money.parse("-11.9000")));
    }

    public static PositionMarked positionMarked() {
        return new PositionMarked(id(), NOW, CORRELATION, POSITION, MARKET, price("0.4900"), Contracts.whole(50),
                Money.parse("1.5800"), new BigDecimal("0.071818"));
    }

    /** One sample of every concrete event type. */
    public static List<Event> all() {
        List<Event> all = new java.util.ArrayList<>(List.of(priceTick(), prediction(), edge(), approvedTrade(),
                riskDecision(), orderEvent(), fill(), exitTrigger(), tradingState(), balanceReported(), reconciliationRun(), operationalError(), alert(),
                deadLetter(), positionMarked()));
        all.addAll(positionEvents());
        return all;
    }
}
