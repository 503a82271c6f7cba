package dev.tradeloop.sim.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradeloop.events.Prediction;
import dev.tradeloop.events.money.Contracts;
import dev.tradeloop.events.money.Price;
import dev.tradeloop.sim.exchange.MutableClock;
import dev.tradeloop.sim.exchange.SimExchange;
import dev.tradeloop.sim.exchange.SimFill;
import dev.tradeloop.sim.exchange.SimMarket;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scenarios played step by step on a clock the test moves: the runner's behaviour on a fixed test
 * scenario, and the default scenario's script (an edge on every market at once, then the moves that
 * its positions' exits need).
 */
class ScenarioRunnerTest {

    private static final Instant START = Instant.parse("2026-11-24T12:00:00Z");


    private final MutableClock clock = new MutableClock(START);
    private final SimExchange exchange = new SimExchange(clock);
    private final List<Prediction> predictions = new ArrayList<>();

    private ScenarioRunner runner() {
        return play("classpath:scenarios/runner-test.json");
    }

    private ScenarioRunner play(String location) {
        return new ScenarioRunner(ScenarioFiles.load(location), exchange, predictions::add, START);
    }

    /** Buying YES at the ask, with the taker fee: the model's latest probability less both. */
    private BigDecimal yesEdge(String ticker) {
        Prediction latest = predictions.stream().filter(p -> p.marketTicker().equals(ticker))
                .reduce((first, second) -> second).orElseThrow();
        Price ask = exchange.bestAsk(ticker).orElseThrow();
        BigDecimal fee = dev.tradeloop.sim.exchange.Fees.STANDARD.taker(ask, Contracts.whole(1)).toBigDecimal();
        return latest.probabilityYes().subtract(ask.toBigDecimal()).subtract(fee);
    }

    private void runTo(ScenarioRunner runner, long seconds) {
        for (long s = 0; s <= seconds; s++) {
            clock.set(START.plusSeconds(s));
            runner.step(clock.instant());
        }
    }

    @Test
    void makers_quote_around_the_scripted_path_with_their_bias() {
        ScenarioRunner runner = runner();

        runTo(runner, 60);

        // truth at 60 s: 0.55 + 0.15 x 60/120 = 0.625; makers believe 0.535 (bias -900 bps): 0.525..0.545
        assertThat(runner.trueProbabilities().get("KXPAPER-HIGHNY-T52")).isEqualTo(Price.parse("0.625"));
        assertThat(exchange.bestBid("KXPAPER-HIGHNY-T52")).contains(Price.parse("0.52"));
        assertThat(exchange.bestAsk("KXPAPER-HIGHNY-T52")).contains(Price.parse("0.55"));
    }

    @Test
    void noise_trading_makes_volume() {
        runTo(runner(), 30);

        assertThat(exchange.market("KXPAPER-HIGHNY-T56").volume()).isGreaterThan(Contracts.whole(100));
    }

    @Test
    void the_same_seed_plays_the_same_session() {
        ScenarioRunner first = runner();
        runTo(first, 40);
        List<SimFill> firstFills = exchange.fills(ScenarioRunner.NOISE_TRADER);

        MutableClock otherClock = new MutableClock(START);
        SimExchange other = new SimExchange(otherClock);
        ScenarioRunner second = new ScenarioRunner(ScenarioFiles.load("classpath:scenarios/runner-test.json"), other,
                prediction -> { }, START);
        for (long s = 0; s <= 40; s++) {
            otherClock.set(START.plusSeconds(s));
            second.step(otherClock.instant());
        }

        assertThat(second.trueProbabilities()).isEqualTo(first.trueProbabilities());
        assertThat(other.fills(ScenarioRunner.NOISE_TRADER)).extracting(SimFill::yesPrice, SimFill::count)
                .isEqualTo(firstFills.stream().map(f -> org.assertj.core.groups.Tuple.tuple(f.yesPrice(), f.count())).toList());
    }

    @Test
    void a_market_closes_then_settles_as_scripted() {
        ScenarioRunner runner = runner();

        runTo(runner, 900);
        assertThat(exchange.market("KXPAPER-CPI-T3.0").status()).isEqualTo(SimMarket.Status.CLOSED);
        assertThat(exchange.bestBid("KXPAPER-CPI-T3.0")).isEmpty();

        clock.set(START.plusSeconds(1200));
        runner.step(clock.instant());
        assertThat(exchange.market("KXPAPER-CPI-T3.0").result()).contains("no");
        assertThat(exchange.account(ScenarioRunner.NOISE_TRADER).netPosition("KXPAPER-CPI-T3.0")).isZero();
    }

    @Test
    void the_model_predicts_every_five_seconds_within_its_noise_of_the_truth() {
        ScenarioRunner runner = runner();

        runTo(runner, 20);

        // steps at 0, 5, 10, 15, 20 seconds, one prediction per open market each time
        assertThat(predictions).hasSize(5 * 3);
        Map<String, Price> truth = runner.trueProbabilities();
        Prediction last = predictions.get(predictions.size() - 1);
        BigDecimal error = last.probabilityYes().subtract(truth.get(last.marketTicker()).toBigDecimal()).abs();
        assertThat(error).isLessThanOrEqualTo(new BigDecimal("0.0150"));
        assertThat(last.modelId()).isEqualTo("sim-model");
        assertThat(last.confidence()).isEqualByComparingTo("0.80");
    }

    @Test
    void a_typo_in_a_scenario_file_is_named(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("typo.json");
        Files.writeString(file, """
                {"name": "typo", "seed": 1, "step_millis": 1000, "markets": [
                  {"ticker": "T", "event_ticker": "E", "close_after_seconds": 60, "start_probability": "0.5", "depht": "5"}]}
                """);

        assertThatThrownBy(() -> ScenarioFiles.load(file.toString()))
                .hasMessageContaining("typo.json cannot be read")
                .hasMessageContaining("at markets[0].depht");
    }

    @Test
    void the_default_scenario_offers_an_edge_above_the_default_minimum_on_every_market_within_seconds() {
        ScenarioRunner runner = play("classpath:scenarios/default.json");

        runTo(runner, 10);

        for (String ticker : List.of("KXPAPER-HIGHNY-T52", "KXPAPER-RAIN-NYC", "KXPAPER-FED-DEC", "KXPAPER-GDP-Q4",
                "KXPAPER-CPI-T3.0")) {
            assertThat(yesEdge(ticker)).as(ticker).isGreaterThan(new BigDecimal("0.05"));
        }
    }

    @Test
    void the_default_scenario_moves_each_market_as_its_exit_needs() {
        ScenarioRunner runner = play("classpath:scenarios/default.json");

        // bought at the 0.49 ask; by 27 s the truth fell to 0.39 and the makers caught up: bid 0.38, −22 %
        runTo(runner, 27);
        assertThat(exchange.bestBid("KXPAPER-RAIN-NYC")).contains(Price.parse("0.38"));
        // bought at 0.44; at 40 s the makers step back: 0.42 / 0.50, wider than the 0.03 liquidity limit,
        // while the bid stays above the stop-loss
        runTo(runner, 40);
        assertThat(exchange.bestBid("KXPAPER-GDP-Q4")).contains(Price.parse("0.42"));
        assertThat(exchange.bestAsk("KXPAPER-GDP-Q4")).contains(Price.parse("0.50"));
        // bought at 0.69; at 55 s the makers quote the truth: bid 0.79, within 0.02 of the model's 0.80
        runTo(runner, 55);
        assertThat(exchange.bestBid("KXPAPER-CPI-T3.0")).contains(Price.parse("0.79"));
        // bought at 0.39; at 66 s the truth is at its 0.75 peak and the makers come within 5 cents: bid 0.69;
        // by 76 s the truth has fallen to 0.575 and the makers with it, 4.5 cents under: bid 0.52, the trailing
        // stop's fall, and no edge for a new entry afterwards (0.575 − the 0.54 ask − the fee is under 0.05)
        runTo(runner, 66);
        assertThat(exchange.bestBid("KXPAPER-HIGHNY-T52")).contains(Price.parse("0.69"));
        for (long s = 67; s <= 76; s++) {
            clock.set(START.plusSeconds(s));
            runner.step(clock.instant());
        }
        assertThat(exchange.bestBid("KXPAPER-HIGHNY-T52")).contains(Price.parse("0.52"));
        assertThat(exchange.market("KXPAPER-FED-DEC").closeTime()).isEqualTo(START.plusSeconds(360));
    }
}
