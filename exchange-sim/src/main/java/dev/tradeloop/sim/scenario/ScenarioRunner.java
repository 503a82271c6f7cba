package dev.tradeloop.sim.scenario;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.tradeloop.events.Prediction;
import dev.tradeloop.events.json.Json;
import dev.tradeloop.events.money.Money;
import dev.tradeloop.events.money.Price;
import dev.tradeloop.events.money.PriceGrid;
import dev.tradeloop.sim.exchange.BookSide;
import dev.tradeloop.sim.exchange.ExchangeRejection;
import dev.tradeloop.sim.exchange.OrderRequest;
import dev.tradeloop.sim.exchange.SimExchange;
import dev.tradeloop.sim.exchange.SimMarket;
import dev.tradeloop.sim.exchange.SimOrder;
import dev.tradeloop.sim.exchange.TimeInForce;
import dev.tradeloop.sim.scenario.Scenario.MarketScript;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Plays a {@link Scenario} on the exchange, one {@link #step} at a time: moves each market's true
 * probability, has the makers re-quote around it, lets the noise trader take a few quotes (volume),
 * settles markets when the script says, and every so often has the model predict. Deterministic:
 * the same scenario, seed and step times give the same session.
 *
 * <p>Each step is one change of the exchange, saved with where the scenario has got to ({@link Progress}),
 * so a simulator restarted on the same store {@link #resume resumes} the story at the second it had
 * reached, its markets' times moved on by the pause, as if no time had passed.
 */
public final class ScenarioRunner {

    public static final String MAKER = "sim-maker";
    public static final String NOISE_TRADER = "sim-noise-trader";
    private static final Money DEEP_POCKETS = Money.parse("100000000.00");

    private final Scenario scenario;
    private final SimExchange exchange;
    private final PredictionSink predictions;
    /** The exchange setting that holds where the scenario has got to. */
    static final String PROGRESS = "scenario";

    private Instant start;
    private Instant lastStep;
    private final Random noise;
    private final Map<String, TruePath> paths = new LinkedHashMap<>();
    private final Map<String, Price> truth = new HashMap<>();
    private final Map<String, List<String>> quotes = new HashMap<>();
    private final Set<String> settled = new HashSet<>();
    private long lastPredictionSecond = -1;
    private long predictionCount;

    /** A scenario played from its start at {@code start}: its markets are listed (those not listed already). */
    public ScenarioRunner(Scenario scenario, SimExchange exchange, PredictionSink predictions, Instant start) {
        this.scenario = scenario;
        this.exchange = exchange;
        this.predictions = predictions;
        this.start = start;
        this.lastStep = start;
        this.noise = new Random(scenario.seed());
        Map<Integer, Money> everyShard = new TreeMap<>();
        scenario.markets().forEach(market -> everyShard.put(market.exchangeIndex(), DEEP_POCKETS));
        everyShard.put(0, DEEP_POCKETS);
        exchange.openAccount(MAKER, everyShard);
        exchange.openAccount(NOISE_TRADER, everyShard);
        int index = 0;
        for (MarketScript market : scenario.markets()) {
            if (!exchange.hasMarket(market.ticker())) {
                exchange.addMarket(new SimMarket(market.ticker(), market.eventTicker(), market.title(), start,
                        start.plusSeconds(market.closeAfterSeconds()), market.priceLevelStructure(),
                        market.exchangeIndex()));
            }
            paths.put(market.ticker(), new TruePath(market, new Random(scenario.seed() * 31 + index++)));
        }
    }

    private ScenarioRunner(Scenario scenario, SimExchange exchange, PredictionSink predictions, Progress progress) {
        this.scenario = scenario;
        this.exchange = exchange;
        this.predictions = predictions;
        this.start = progress.start();
        this.lastStep = progress.lastStep();
        this.noise = RandomState.load(progress.noise());
        for (MarketScript market : scenario.markets()) {
            TruePath.State path = progress.paths().get(market.ticker());
            if (path == null) {
                throw new IllegalStateException("the kept progress of scenario " + scenario.name()
                        + " has no market " + market.ticker() + ": start afresh (./tradeloop up --fresh)");
            }
            paths.put(market.ticker(), TruePath.restore(market, path));
        }
        truth.putAll(progress.truth());
        quotes.putAll(progress.quotes());
        settled.addAll(progress.settled());
        lastPredictionSecond = progress.lastPredictionSecond();
        predictionCount = progress.predictionCount();
    }

    /**
     * The scenario as the exchange kept it, if it was playing this scenario, moved on to {@code now}
     * (see {@link #resume}); empty if the exchange never played it.
     */
    public static Optional<ScenarioRunner> restore(Scenario scenario, SimExchange exchange, PredictionSink predictions,
            Instant now) {
        Optional<Progress> kept = exchange.setting(PROGRESS).map(ScenarioRunner::readProgress)
                .filter(progress -> progress.scenario().equals(scenario.name()));
        return kept.map(progress -> {
            ScenarioRunner runner = new ScenarioRunner(scenario, exchange, predictions, progress);
            runner.resume(now);
            return runner;
        });
    }

    /**
     * Carries on at {@code now} from the second last played: the pause since the last step is added to
     * the scenario's start and to its markets' open and close times, so the story goes on where it
     * stopped rather than where the wall clock would have taken it.
     */
    public synchronized void resume(Instant now) {
        Duration pause = Duration.between(lastStep, now);
        if (pause.isNegative() || pause.isZero()) {
            return;
        }
        exchange.atomically(() -> {
            start = start.plus(pause);
            lastStep = now;
            exchange.postpone(paths.keySet(), pause);
            exchange.putSetting(PROGRESS, writeProgress(progress()));
        });
    }

    /** How far into the story the last step was. */
    public synchronized long elapsedSeconds() {
        return Duration.between(start, lastStep).toSeconds();
    }

    /** Where a scenario has got to: enough to carry on after a restart exactly where it stopped. */
    public record Progress(String scenario, Instant start, Instant lastStep, String noise, Map<String, TruePath.State> paths,
            Map<String, Price> truth, Map<String, List<String>> quotes, Set<String> settled,
            long lastPredictionSecond, long predictionCount) {
    }

    private Progress progress() {
        Map<String, TruePath.State> pathStates = new LinkedHashMap<>();
        paths.forEach((ticker, path) -> pathStates.put(ticker, path.state()));
        return new Progress(scenario.name(), start, lastStep, RandomState.save(noise), pathStates, Map.copyOf(truth),
                Map.copyOf(quotes), Set.copyOf(settled), lastPredictionSecond, predictionCount);
    }

    private static String writeProgress(Progress progress) {
        try {
            return Json.mapper().writeValueAsString(progress);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the scenario's progress", e);
        }
    }

    private static Progress readProgress(String json) {
        try {
            return Json.mapper().readValue(json, Progress.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the kept scenario progress cannot be read (" + e.getOriginalMessage()
                    + "): start afresh (./tradeloop up --fresh)", e);
        }
    }

    public Scenario scenario() {
        return scenario;
    }

    /** The hidden probability each market resolves YES, as of the last step. */
    public Map<String, Price> trueProbabilities() {
        return Map.copyOf(truth);
    }

    /** Advances the scenario to {@code now}: one change of the exchange, kept with the scenario's progress. */
    public synchronized void step(Instant now) {
        exchange.atomically(() -> {
            stepNow(now);
            lastStep = now;
            exchange.putSetting(PROGRESS, writeProgress(progress()));
        });
    }

    private void stepNow(Instant now) {
        long elapsed = Duration.between(start, now).toSeconds();
        for (MarketScript market : scenario.markets()) {
            String ticker = market.ticker();
            if (settled.contains(ticker)) {
                continue;
            }
            if (market.settle().isPresent() && elapsed >= market.settle().get().atSeconds()) {
                exchange.settle(ticker, market.settle().get().result().equals("yes"));
                settled.add(ticker);
                continue;
            }
            Price probability = paths.get(ticker).at(elapsed);
            truth.put(ticker, probability);
            if (exchange.market(ticker).status() == SimMarket.Status.ACTIVE) {
                requote(market, biased(probability, market.makerBiasAt(elapsed)), market.spreadAt(elapsed));
                noiseTrades(market);
            }
        }
        scenario.model().ifPresent(model -> predict(model, elapsed, now));
    }

    private void requote(MarketScript market, Price probability, Price spread) {
        for (String orderId : quotes.getOrDefault(market.ticker(), List.of())) {
            if (exchange.ownOrder(MAKER, orderId).isResting()) {
                exchange.cancel(MAKER, orderId);
            }
        }
        PriceGrid grid = exchange.market(market.ticker()).grid();
        long half = spread.micros() / 2;
        Price bid = grid.atOrBelow(new Price(Math.max(0, probability.micros() - half))).orElse(grid.lowest());
        Price ask = grid.atOrAbove(new Price(Math.min(1_000_000, probability.micros() + half))).orElse(grid.highest());
        if (ask.compareTo(bid) <= 0) {
            ask = grid.atOrAbove(new Price(bid.micros() + 1)).orElse(grid.highest());
            bid = ask.equals(bid) ? grid.atOrBelow(new Price(ask.micros() - 1)).orElseThrow() : bid;
        }
        List<String> placed = new ArrayList<>();
        placed.add(quote(market, BookSide.BID, bid));
        placed.add(quote(market, BookSide.ASK, ask));
        quotes.put(market.ticker(), placed);
    }

    private String quote(MarketScript market, BookSide side, Price yesPrice) {
        SimOrder order = exchange.place(MAKER, new OrderRequest(market.ticker(), side, market.depth(), yesPrice,
                TimeInForce.GOOD_TILL_CANCELED, Optional.empty(), false, false));
        return order.orderId();
    }

    private void noiseTrades(MarketScript market) {
        for (int i = 0; i < market.noiseTradesPerStep(); i++) {
            BookSide side = noise.nextBoolean() ? BookSide.BID : BookSide.ASK;
            PriceGrid grid = exchange.market(market.ticker()).grid();
            Price limit = side == BookSide.BID ? grid.highest() : grid.lowest();
            try {
                exchange.place(NOISE_TRADER, new OrderRequest(market.ticker(), side, market.noiseTradeSize(), limit,
                        TimeInForce.IMMEDIATE_OR_CANCEL, Optional.empty(), false, false));
            } catch (ExchangeRejection refused) {
                return; // nothing to trade against this step
            }
        }
    }

    private void predict(Scenario.ModelScript model, long elapsed, Instant now) {
        if (lastPredictionSecond >= 0 && elapsed - lastPredictionSecond < model.everySeconds()) {
            return;
        }
        lastPredictionSecond = elapsed;
        for (Map.Entry<String, Price> market : truth.entrySet()) {
            if (settled.contains(market.getKey())) {
                continue;
            }
            int bps = TruePath.toBasisPoints(market.getValue())
                    + noise.nextInt(2 * model.noiseBasisPoints() + 1) - model.noiseBasisPoints();
            BigDecimal probability = BigDecimal.valueOf(Math.max(1, Math.min(9_999, bps)), 4);
            predictions.publish(new Prediction(UUID.randomUUID(), now,
                    "sim-model-" + market.getKey() + "-" + (++predictionCount), market.getKey(), probability,
                    model.confidence().toBigDecimal(), model.modelId(), model.modelVersion()));
        }
    }

    /** What the makers believe: the truth moved by the script's bias, kept a valid probability. */
    private static Price biased(Price probability, int biasBasisPoints) {
        long micros = Math.max(10_000, Math.min(990_000, probability.micros() + biasBasisPoints * 100L));
        return new Price(micros);
    }
}
