package dev.tradeloop.edge.config;

import dev.tradeloop.edge.EdgeScanner;
import dev.tradeloop.edge.LatestPredictions;
import dev.tradeloop.edge.ModelErrorWatch;
import dev.tradeloop.support.TradingMethods;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Makes the plain-Java parts of edge-service from its configuration. */
@ApplicationScoped
public class EdgeBeans {

    @Produces
    @Singleton
    EdgeScanner scanner(TradingMethods methods, LatestPredictions predictions) {
        return new EdgeScanner(methods.active(), predictions);
    }

    @Produces
    @Singleton
    ModelErrorWatch modelErrorWatch(EdgeConfig config) {
        return new ModelErrorWatch(config.modelErrorThreshold(), config.modelErrorWindow());
    }
}
