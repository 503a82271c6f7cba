package dev.tradeloop.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tradeloop.events.json.EventCodec;
import dev.tradeloop.events.json.Json;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class EventRoundTripTest {

    static List<Event> samples() {
        return EventSamples.all();
    }

    @Test
    void every_event_type_has_a_sample() {
        assertThat(samples().stream().map(Event::getClass).collect(Collectors.toSet()))
                .containsExactlyInAnyOrderElementsOf(EventTypes.all());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void an_event_decodes_to_an_equal_event(Event event) {
        EventCodec<Event> codec = new EventCodec<>("any", Event.class);

        Event decoded = codec.decode(codec.encode(event));

        assertThat(decoded).isEqualTo(event);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void the_envelope_is_on_the_wire(Event event) throws Exception {
        JsonNode json = Json.mapper().readTree(new EventCodec<>("any", Event.class).encode(event));

        assertThat(json.get("type").asText()).isEqualTo(event.getClass().getSimpleName());
        assertThat(json.get("schemaVersion").asInt()).isEqualTo(1);
        assertThat(json.get("eventId").asText()).isEqualTo(event.eventId().toString());
        assertThat(json.get("occurredAt").asText()).isEqualTo("2026-11-24T14:30:05.123Z");
        assertThat(json.get("correlationId").asText()).isEqualTo(event.correlationId());
    }

    @Test
    void prices_money_and_counts_travel_as_exact_strings() throws Exception {
        JsonNode json = Json.mapper().readTree(Topics.FILLS.codec().encode(EventSamples.fill()));

        assertThat(json.get("price").isTextual()).isTrue();
        assertThat(json.get("price").asText()).isEqualTo("0.5700");
        assertThat(json.get("fee").asText()).isEqualTo("0.7371");
        assertThat(json.get("count").asText()).isEqualTo("43.00");
        assertThat(json.get("entryConfidence").asText()).isEqualTo("0.80");
    }

    @Test
    void an_absent_optional_is_left_out_and_reads_back_empty() throws Exception {
        RiskDecision rejection = EventSamples.riskDecision();
        byte[] bytes = Topics.RISK_DECISIONS.codec().encode(rejection);

        assertThat(Json.mapper().readTree(bytes).has("positionId")).isFalse();
        assertThat(Topics.RISK_DECISIONS.codec().decode(bytes).positionId()).isEmpty();
    }

    @Test
    void events_written_before_shards_read_as_the_default_shard() throws Exception {
        com.fasterxml.jackson.databind.node.ObjectNode tick = (com.fasterxml.jackson.databind.node.ObjectNode)
                Json.mapper().readTree(Topics.PRICE_TICKS.codec().encode(EventSamples.priceTick()));
        com.fasterxml.jackson.databind.node.ObjectNode balance = (com.fasterxml.jackson.databind.node.ObjectNode)
                Json.mapper().readTree(Topics.ACCOUNT_BALANCE.codec().encode(EventSamples.balanceReported()));
        tick.remove("exchangeIndex");
        balance.remove("shardBalances");

        PriceTick oldTick = Topics.PRICE_TICKS.codec().decode(Json.mapper().writeValueAsBytes(tick));
        BalanceReported oldBalance = (BalanceReported) Topics.ACCOUNT_BALANCE.codec().decode(Json.mapper().writeValueAsBytes(balance));

        assertThat(oldTick.shard()).isZero();
        assertThat(oldBalance.onShard(0)).isEqualTo(oldBalance.balance());
        assertThat(oldBalance.onShard(2)).isEqualTo(dev.tradeloop.events.money.Money.ZERO);
    }
}
