package dev.tradeloop.support;

import dev.tradeloop.events.MethodRef;
import dev.tradeloop.rules.InvalidMethodException;
import dev.tradeloop.rules.Method;
import dev.tradeloop.rules.MethodCatalog;
import io.quarkus.logging.Log;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The methods this service knows, read from {@code tradeloop.methods.dir} when it starts: a bad file
 * stops start-up with the method, version and key named. New entries use the {@link #active()}
 * methods (the newest version of each listed id); an open position keeps the version it was opened
 * with, found with {@link #get(MethodRef)}.
 */
@Startup
@ApplicationScoped
public class TradingMethods {

    private final MethodCatalog catalog;
    private final List<Method> active;

    public TradingMethods(@ConfigProperty(name = "tradeloop.methods.dir", defaultValue = "methods") Path directory,
            @ConfigProperty(name = "tradeloop.methods.active") Optional<List<String>> activeIds) {
        try {
            this.catalog = MethodCatalog.load(directory.toAbsolutePath());
        } catch (InvalidMethodException e) {
            throw new IllegalStateException("tradeloop.methods.dir: " + e.getMessage(), e);
        }
        List<String> ids = activeIds.orElseGet(() -> catalog.all().stream().map(m -> m.ref().id()).distinct().toList());
        this.active = ids.stream().map(id -> catalog.latest(id).orElseThrow(() -> new IllegalStateException(
                "tradeloop.methods.active: no method '" + id + "' in " + directory.toAbsolutePath()))).toList();
        Log.infof("methods in force for new entries: %s", active.stream().map(m -> m.ref().toString()).toList());
    }

    /** The methods new edges are computed under. */
    public List<Method> active() {
        return active;
    }

    /** The exact version a decision was made under; empty when this service does not have it. */
    public Optional<Method> get(MethodRef ref) {
        return catalog.get(ref);
    }
}
