package dev.tradeloop.testkit;

import java.util.Map;

/** What the simulator's default scenario (exchange-sim {@code scenarios/default.json}) is written to show. */
public final class DefaultScenario {

    /** The exit each of its five markets is scripted for (see their titles and the README): market to exit reason. */
    public static final Map<String, String> INTENDED_EXITS = Map.of(
            "KXPAPER-RAIN-NYC", "STOP_LOSS",
            "KXPAPER-GDP-Q4", "LIQUIDITY_DRIED_UP",
            "KXPAPER-CPI-T3.0", "EARLY_EXIT",
            "KXPAPER-FED-DEC", "TIME_BASED_URGENT",
            "KXPAPER-HIGHNY-T52", "TRAILING_STOP");

    private DefaultScenario() {
    }
}
