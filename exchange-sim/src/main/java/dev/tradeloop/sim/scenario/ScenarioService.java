package dev.tradeloop.sim.scenario;

import dev.tradeloop.sim.config.SimConfig;
import dev.tradeloop.sim.exchange.SimExchange;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Plays the configured scenario ({@code tradeloop.sim.scenario}) on a timer, one step per {@code step_millis}. */
@ApplicationScoped
public class ScenarioService {

    private final SimConfig config;
    private final SimExchange exchange;
    private final Clock clock;
    private final Optional<String> kafka;
    private ScheduledExecutorService timer;
    private KafkaPredictionSink sink;
    private ScenarioRunner runner;

    public ScenarioService(SimConfig config, SimExchange exchange, Clock clock,
            @ConfigProperty(name = "kafka.bootstrap.servers") Optional<String> kafka) {
        this.config = config;
        this.exchange = exchange;
        this.clock = clock;
        this.kafka = kafka;
    }

    void onStart(@Observes StartupEvent start) {
        Optional<Scenario> scenario = config.scenario().map(ScenarioFiles::load); // a bad file stops start-up
        if (scenario.isPresent() && !config.scenarioWaitsForStart()) {
            play(scenario.get());
        } else {
            scenario.ifPresent(s -> Log.infof("scenario %s loaded; it plays on POST /sim/admin/scenario/start",
                    s.name()));
        }
    }

    /** Starts the configured scenario now; empty when none is configured or it is already playing. */
    public synchronized Optional<ScenarioRunner> start() {
        if (runner != null || config.scenario().isEmpty()) {
            return Optional.empty();
        }
        play(ScenarioFiles.load(config.scenario().get()));
        return Optional.of(runner);
    }

    private synchronized void play(Scenario scenario) {
        PredictionSink predictions = PredictionSink.NONE;
        if (config.modelFeed()) {
            sink = new KafkaPredictionSink(kafka.orElseThrow(() -> new IllegalStateException(
                    "tradeloop.sim.model-feed=true needs kafka.bootstrap.servers")));
            predictions = sink;
        }
        Instant start = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        runner = new ScenarioRunner(scenario, exchange, predictions, start);
        runner.step(clock.instant());
        timer = Executors.newSingleThreadScheduledExecutor(task -> new Thread(task, "scenario"));
        timer.scheduleAtFixedRate(this::step, scenario.stepMillis(), scenario.stepMillis(), TimeUnit.MILLISECONDS);
        Log.infof("playing scenario %s (%d markets, a step every %d ms, model feed %s)", scenario.name(),
                scenario.markets().size(), scenario.stepMillis(), config.modelFeed() ? "on" : "off");
    }

    private void step() {
        try {
            runner.step(clock.instant());
        } catch (RuntimeException e) {
            Log.errorf(e, "scenario step failed; the next step will try again");
        }
    }

    public Optional<ScenarioRunner> runner() {
        return Optional.ofNullable(runner);
    }

    void onStop(@Observes ShutdownEvent stop) {
        if (timer != null) {
            timer.shutdownNow();
        }
        if (sink != null) {
            sink.close();
        }
    }
}
