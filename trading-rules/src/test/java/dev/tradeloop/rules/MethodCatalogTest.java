package dev.tradeloop.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradeloop.events.ExecutionStrategy;
import dev.tradeloop.events.ExitPriority;
import dev.tradeloop.events.MethodRef;
import dev.tradeloop.events.money.Contracts;
import dev.tradeloop.events.money.Money;
import dev.tradeloop.events.money.Price;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The methods in the repository load with the trading rules' numbers; a bad method file names its key. */
class MethodCatalogTest {

    static final Path METHODS = Path.of(System.getProperty("tradeloop.methods.dir", "../methods"));

    private static String defaultYaml() throws IOException {
        return Files.readString(METHODS.resolve("kelly-quarter.v1.yaml"));
    }

    @Test
    void the_default_method_holds_the_trading_rules_defaults() {
        Method method = MethodCatalog.load(METHODS).get(new MethodRef("kelly-quarter", 1)).orElseThrow();

        assertThat(method.entry().minEdge()).isEqualByComparingTo("0.05");
        assertThat(method.entry().minVolume()).isEqualTo(Contracts.whole(100));
        assertThat(method.entry().maxSpread()).isEqualTo(Price.parse("0.05"));
        assertThat(method.entry().maxPriceAge()).isEqualTo(Duration.ofSeconds(120));
        assertThat(method.sizing().kellyFraction()).isEqualByComparingTo("0.25");
        assertThat(method.sizing().minPosition()).isEqualTo(Money.parse("10"));
        assertThat(method.sizing().maxPosition()).isEqualTo(Money.parse("1000"));
        assertThat(method.risk().maxOpenPositions()).isEqualTo(10);
        assertThat(method.risk().maxEventExposure()).isEqualTo(Money.parse("5000"));
        assertThat(method.risk().dailyLossLimit()).isEqualTo(Money.parse("500"));
        assertThat(method.exits().stopLossPct()).isEqualByComparingTo("-0.15");
        assertThat(method.exits().trailingStop().floor()).isEqualByComparingTo("0.02");
        assertThat(method.exits().partialExits().stages()).hasSize(2);
        assertThat(method.exits().execution().get(ExitPriority.HIGH).strategy()).isEqualTo(ExecutionStrategy.WALK_THEN_MARKET);
        assertThat(method.exits().execution().get(ExitPriority.LOW).maxWalks()).isEqualTo(10);
        assertThat(method.monitoring().urgentInterval()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void a_missing_key_is_named_with_the_method_and_version() throws IOException {
        String yaml = defaultYaml().replace("  kelly_fraction: \"0.25\"\n", "");

        assertThatThrownBy(() -> MethodReader.parse(yaml, "test.yaml"))
                .isInstanceOf(InvalidMethodException.class)
                .hasMessage("method kelly-quarter v1: sizing.kelly_fraction is missing");
    }

    @Test
    void a_value_out_of_range_is_named() throws IOException {
        String yaml = defaultYaml().replace("min_edge: \"0.05\"", "min_edge: \"1.50\"");

        assertThatThrownBy(() -> MethodReader.parse(yaml, "test.yaml"))
                .hasMessage("method kelly-quarter v1: entry.min_edge 1.50 is outside [0, 1]");
    }

    @Test
    void how_often_marks_are_sent_is_a_setting_a_method_may_leave_out() throws IOException {
        String every = defaultYaml().replace("  mark_step: \"0.01\"",
                "  mark_step: \"0.01\"\n  marks_at_most_every_ms: 250");
        String tooOften = every.replace("marks_at_most_every_ms: 250", "marks_at_most_every_ms: 5");

        assertThat(MethodReader.parse(defaultYaml(), "test.yaml").monitoring().marksAtMostEvery())
                .isEqualTo(java.time.Duration.ofSeconds(1));
        assertThat(MethodReader.parse(every, "test.yaml").monitoring().marksAtMostEvery())
                .isEqualTo(java.time.Duration.ofMillis(250));
        assertThatThrownBy(() -> MethodReader.parse(tooOften, "test.yaml")).hasMessage("method kelly-quarter v1: "
                + "monitoring.marks_at_most_every_ms must be a whole number from 100 to 60000, not 5");
    }

    @Test
    void an_unquoted_decimal_is_refused_so_yaml_never_makes_it_a_float() throws IOException {
        String yaml = defaultYaml().replace("kelly_fraction: \"0.25\"", "kelly_fraction: 0.25");

        assertThatThrownBy(() -> MethodReader.parse(yaml, "test.yaml"))
                .hasMessageContaining("sizing.kelly_fraction must be a quoted decimal");
    }

    @Test
    void a_misspelt_key_is_refused() throws IOException {
        String yaml = defaultYaml().replace("floor: \"0.02\"", "flor: \"0.02\"");

        assertThatThrownBy(() -> MethodReader.parse(yaml, "test.yaml"))
                .hasMessage("method kelly-quarter v1: exits.trailing_stop.floor is missing");
        String extra = defaultYaml().replace("  walk_step: \"0.01\"", "  walk_step: \"0.01\"\n  walk_stepp: \"0.02\"");
        assertThatThrownBy(() -> MethodReader.parse(extra, "test.yaml"))
                .hasMessage("method kelly-quarter v1: entry.walk_stepp is not a setting any method has");
    }

    @Test
    void settings_that_contradict_each_other_are_refused() throws IOException {
        String ladder = defaultYaml().replace("fraction_of_original: \"0.25\"", "fraction_of_original: \"0.75\"");
        String stop = defaultYaml().replace("floor: \"0.02\"", "floor: \"0.08\"");

        assertThatThrownBy(() -> MethodReader.parse(ladder, "test.yaml"))
                .hasMessageContaining("exits.partial_exits.stages sell 1.25 of the position");
        assertThatThrownBy(() -> MethodReader.parse(stop, "test.yaml"))
                .hasMessageContaining("exits.trailing_stop.floor is above exits.trailing_stop.initial_distance");
    }

    @Test
    void a_method_must_live_in_a_file_named_after_its_id_and_version(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("kelly-quarter.v2.yaml"), defaultYaml());

        assertThatThrownBy(() -> MethodCatalog.load(dir))
                .hasMessage("method kelly-quarter v1 is in kelly-quarter.v2.yaml; it must be in kelly-quarter.v1.yaml");
    }

    @Test
    void the_latest_version_is_found_and_old_versions_stay(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("kelly-quarter.v1.yaml"), defaultYaml());
        Files.writeString(dir.resolve("kelly-quarter.v2.yaml"), defaultYaml().replace("version: 1", "version: 2")
                .replace("min_edge: \"0.05\"", "min_edge: \"0.07\""));

        MethodCatalog catalog = MethodCatalog.load(dir);

        assertThat(catalog.latest("kelly-quarter").orElseThrow().ref()).isEqualTo(new MethodRef("kelly-quarter", 2));
        assertThat(catalog.get(new MethodRef("kelly-quarter", 1)).orElseThrow().entry().minEdge()).isEqualByComparingTo("0.05");
    }
}
