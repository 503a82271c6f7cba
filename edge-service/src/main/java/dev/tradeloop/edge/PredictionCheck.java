package dev.tradeloop.edge;

import dev.tradeloop.events.Prediction;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * What makes a well-formed prediction absurd: a probability of exactly 0 or 1 claims a certainty no
 * model has about an open market, and would size the largest stake the method allows. Such a
 * prediction is rejected with this reason and counts as a model error.
 */
public final class PredictionCheck {

    private PredictionCheck() {
    }

    public static Optional<String> absurdity(Prediction prediction) {
        BigDecimal p = prediction.probabilityYes();
        if (p.signum() == 0 || p.compareTo(BigDecimal.ONE) == 0) {
            return Optional.of("probabilityYes " + p.toPlainString() + " of " + prediction.marketTicker()
                    + " from " + prediction.modelId() + "@" + prediction.modelVersion()
                    + " is a certainty, which no model can claim of an open market");
        }
        return Optional.empty();
    }
}
