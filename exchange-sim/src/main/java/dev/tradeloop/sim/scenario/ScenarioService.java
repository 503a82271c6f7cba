package dev.tradeloop.sim.scenario;

import dev.tradeloop.events.KafkaUser;
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

/**
 * Plays the configured scenario ({@code tradeloop.sim.scenario}) on a timer, one step per {@code step_millis}.
 * A scenario the exchange was playing before a restart is restored where it stopped, and carries on
 * when it is started (at once if the scenario does not wait for a start).
 */
@ApplicationScoped
public class ScenarioService {

    private final SimConfig config;
    private final SimExchange exchange;
    private final Clock clock;
    private final Optional<String> kafka;
    private final Optional<String> kafkaPassword;
    private ScheduledExecutorService timer;
    private ScheduledExecutorService waiting;
    private KafkaPredictionSink sink;
    private ScenarioRunner runner;
    private boolean playing;

    public ScenarioService(SimConfig config, SimExchange exchange, Clock clock,
            @ConfigProperty(name = "kafka.bootstrap.servers") Optional<String> kafka,
            @ConfigProperty(name = "tradeloop.kafka.password") Optional<String> kafkaPassword) {
        this.config = config;
        this.exchange = exchange;
        this.clock = clock;
        this.kafka = kafka;
        this.kafkaPassword = kafkaPassword;
    }

    void onStart(@Observes StartupEvent start) {
        Optional<Scenario> scenario = config.scenario().map(ScenarioFiles::load); // a bad file stops start-up
        if (scenario.isEmpty()) {
            return;
        }
        runner = ScenarioRunner.restore(scenario.get(), exchange, predictions(), clock.instant()).orElse(null);
        if (runner != null) {
            Log.infof("scenario %s restored at second %d of its story", scenario.get().name(), runner.elapsedSeconds());
        }
        if (!config.scenarioWaitsForStart()) {
            start();
        } else {
            Log.infof("scenario %s loaded; it plays on POST /sim/admin/scenario/start", scenario.get().name());
            if (runner != null) {
                holdStill();
            }
        }
    }

    /**
     * A story restored and waiting for its start stands still: every second its markets' times move
     * on with the clock, so that while the services start, a market does not come closer to its close
     * than it was when the story stopped (an exit for the time before the close would fire too soon).
     */
    private void holdStill() {
        waiting = Executors.newSingleThreadScheduledExecutor(task -> new Thread(task, "scenario-waits"));
        waiting.scheduleAtFixedRate(() -> {
            try {
                synchronized (this) {
                    if (!playing) {
                        runner.resume(clock.instant());
                    }
                }
            } catch (RuntimeException e) {
                Log.errorf(e, "holding the waiting scenario still failed; the next second will try again");
            }
        }, 1, 1, TimeUnit.SECONDS);
    }

    /** What starting the scenario did: it started afresh, or it resumed at a second of its story. */
    public record Started(ScenarioRunner runner, Optional<Long> resumedAtSecond) {
    }

    /** Starts (or resumes) the configured scenario now; empty when none is configured or it is already playing. */
    public synchronized Optional<Started> start() {
        if (playing || config.scenario().isEmpty()) {
            return Optional.empty();
        }
        Optional<Long> resumedAt = Optional.empty();
        if (runner == null) {
            runner = new ScenarioRunner(ScenarioFiles.load(config.scenario().get()), exchange, predictions(),
                    clock.instant().truncatedTo(ChronoUnit.SECONDS));
        } else {
            if (waiting != null) {
                waiting.shutdownNow();
            }
            runner.resume(clock.instant());
            resumedAt = Optional.of(runner.elapsedSeconds());
        }
        play();
        return Optional.of(new Started(runner, resumedAt));
    }

    private PredictionSink predictions() {
        if (!config.modelFeed()) {
            return PredictionSink.NONE;
        }
        if (sink == null) {
            sink = new KafkaPredictionSink(kafka.orElseThrow(() -> new IllegalStateException(
                    "tradeloop.sim.model-feed=true needs kafka.bootstrap.servers")),
                    kafkaPassword.orElseThrow(() -> new IllegalStateException("tradeloop.sim.model-feed=true needs "
                            + "tradeloop.kafka.password, the password of the Kafka user "
                            + KafkaUser.SCENARIO_MODEL.userName())));
        }
        return sink;
    }

    private void play() {
        Scenario scenario = runner.scenario();
        runner.step(clock.instant());
        timer = Executors.newSingleThreadScheduledExecutor(task -> new Thread(task, "scenario"));
        timer.scheduleAtFixedRate(this::step, scenario.stepMillis(), scenario.stepMillis(), TimeUnit.MILLISECONDS);
        playing = true;
        Log.infof("playing scenario %s from second %d (%d markets, a step every %d ms, model feed %s)", scenario.name(),
                runner.elapsedSeconds(), scenario.markets().size(), scenario.stepMillis(),
                config.modelFeed() ? "on" : "off");
    }

    private void step() {
        try {
            runner.step(clock.instant());
        } catch (RuntimeException e) {
            Log.errorf(e, "scenario step failed; the next step will try again");
        }
    }

    /** The scenario being played, or restored and waiting for its start. */
    public Optional<ScenarioRunner> runner() {
        return Optional.ofNullable(runner);
    }

    public synchronized boolean playing() {
        return playing;
    }

    void onStop(@Observes ShutdownEvent stop) {
        if (timer != null) {
            timer.shutdownNow();
        }
        if (waiting != null) {
            waiting.shutdownNow();
        }
        if (sink != null) {
            sink.close();
        }
    }
}
