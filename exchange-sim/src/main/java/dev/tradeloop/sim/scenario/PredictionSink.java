package dev.tradeloop.sim.scenario;

import dev.tradeloop.events.Prediction;

/** Where the scenario's model sends its predictions: the {@code predictions} topic, or a test's list. */
public interface PredictionSink {

    void publish(Prediction prediction);

    PredictionSink NONE = prediction -> { };
}
