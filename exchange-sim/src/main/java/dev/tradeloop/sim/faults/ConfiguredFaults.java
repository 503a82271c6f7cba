package dev.tradeloop.sim.faults;

import dev.tradeloop.sim.config.SimConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.Locale;

/** Arms the faults of {@code tradeloop.sim.faults} at start; a bad entry stops start-up and names the key. */
@ApplicationScoped
public class ConfiguredFaults {

    static final String KEY = "tradeloop.sim.faults";

    private final SimConfig config;
    private final Faults faults;

    public ConfiguredFaults(SimConfig config, Faults faults) {
        this.config = config;
        this.faults = faults;
    }

    void onStart(@Observes StartupEvent start) {
        config.faults().ifPresent(entries -> entries.forEach(entry -> faults.arm(parse(entry))));
    }

    /** {@code KIND:operation:count[:delay-ms]}. */
    static Fault parse(String entry) {
        String[] parts = entry.trim().split(":");
        try {
            if (parts.length < 3 || parts.length > 4) {
                throw new IllegalArgumentException("expected KIND:operation:count[:delay-ms]");
            }
            FaultKind kind = FaultKind.valueOf(parts[0].toUpperCase(Locale.ROOT));
            if (kind == FaultKind.DROP_CONNECTIONS || kind == FaultKind.END_SUBSCRIPTIONS) {
                throw new IllegalArgumentException(kind + " happens when asked, it cannot be armed");
            }
            int count = Integer.parseInt(parts[2]);
            if (count < 1) {
                throw new IllegalArgumentException("count must be at least 1");
            }
            Duration delay = parts.length == 4 ? Duration.ofMillis(Long.parseLong(parts[3])) : Duration.ZERO;
            return new Fault(kind, parts[1], count, delay);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(KEY + ": '" + entry + "' is not a fault: " + e.getMessage(), e);
        }
    }
}
