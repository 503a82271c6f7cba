package dev.tradeloop.sim.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ConfiguredFaultsTest {

    @Test
    void an_entry_names_kind_operation_count_and_delay() {
        assertThat(ConfiguredFaults.parse("response_lost:create:2:3000"))
                .isEqualTo(new Fault(FaultKind.RESPONSE_LOST, "create", 2, Duration.ofSeconds(3)));
        assertThat(ConfiguredFaults.parse("RATE_LIMIT:*:5"))
                .isEqualTo(new Fault(FaultKind.RATE_LIMIT, "*", 5, Duration.ZERO));
    }

    @Test
    void a_bad_entry_names_the_key_and_what_is_wrong() {
        assertThatThrownBy(() -> ConfiguredFaults.parse("SLOWNESS:create:1"))
                .hasMessageStartingWith("tradeloop.sim.faults: 'SLOWNESS:create:1' is not a fault");
        assertThatThrownBy(() -> ConfiguredFaults.parse("TIMEOUT:create:1"))
                .hasMessageContaining("TIMEOUT needs a delay");
        assertThatThrownBy(() -> ConfiguredFaults.parse("RATE_LIMIT:create"))
                .hasMessageContaining("expected KIND:operation:count[:delay-ms]");
        assertThatThrownBy(() -> ConfiguredFaults.parse("RATE_LIMIT:create:0"))
                .hasMessageContaining("count must be at least 1");
    }
}
