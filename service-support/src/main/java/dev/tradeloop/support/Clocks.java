package dev.tradeloop.support;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;

/** The clock every service reads time from; a test or a replay can replace it with its own bean. */
@ApplicationScoped
public class Clocks {

    @Produces
    @DefaultBean
    @ApplicationScoped
    Clock systemClock() {
        return Clock.systemUTC();
    }
}
