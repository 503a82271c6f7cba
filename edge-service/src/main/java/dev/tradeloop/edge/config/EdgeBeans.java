package dev.tradeloop.edge.config;

import dev.tradeloop.edge.EdgeScanner;
import dev.tradeloop.edge.LatestPredictions;
import dev.tradeloop.edge.ModelErrorWatch;
import dev.tradeloop.edge.models.ModelCredentials;
import dev.tradeloop.support.TradingMethods;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Makes the plain-Java parts of edge-service from its configuration. */
@ApplicationScoped
public class EdgeBeans {

    @Produces
    @Singleton
    EdgeScanner scanner(TradingMethods methods, LatestPredictions predictions) {
        return new EdgeScanner(methods.active(), predictions);
    }

    /**
     * The models that may post predictions ({@code tradeloop.models.credentials-file}); unset or
     * missing, none may.
     */
    @Produces
    @Singleton
    ModelCredentials modelCredentials(
            @ConfigProperty(name = "tradeloop.models.credentials-file") Optional<String> file) {
        if (file.isEmpty()) {
            io.quarkus.logging.Log.warn("no model may post predictions: tradeloop.models.credentials-file is not set");
        }
        try {
            return new ModelCredentials(Path.of(file.orElse("/nonexistent/tradeloop-models")));
        } catch (IllegalStateException e) {
            throw new IllegalStateException("tradeloop.models.credentials-file: " + e.getMessage(), e);
        }
    }

    @Produces
    @Singleton
    ModelErrorWatch modelErrorWatch(EdgeConfig config) {
        return new ModelErrorWatch(config.modelErrorThreshold(), config.modelErrorWindow());
    }
}
