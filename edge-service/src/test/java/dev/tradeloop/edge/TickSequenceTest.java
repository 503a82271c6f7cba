package dev.tradeloop.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class TickSequenceTest {

    @Test
    void a_market_s_sequence_rises_within_a_millisecond_and_starts_from_the_clock() {
        Clock frozen = Clock.fixed(Instant.ofEpochMilli(1_700_000_000_123L), ZoneOffset.UTC);
        TickSequence sequence = new TickSequence(frozen);

        assertThat(sequence.next("A")).isEqualTo(1_700_000_000_123_000L);
        assertThat(sequence.next("A")).isEqualTo(1_700_000_000_123_001L);
        assertThat(sequence.next("B")).isEqualTo(1_700_000_000_123_000L);
    }

    @Test
    void a_restarted_service_continues_above_the_numbers_it_sent_before() {
        long before = new TickSequence(Clock.fixed(Instant.ofEpochMilli(1_000), ZoneOffset.UTC)).next("A");

        long after = new TickSequence(Clock.fixed(Instant.ofEpochMilli(1_001), ZoneOffset.UTC)).next("A");

        assertThat(after).isGreaterThan(before);
    }
}
