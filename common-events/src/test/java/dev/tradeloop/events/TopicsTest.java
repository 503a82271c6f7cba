package dev.tradeloop.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TopicsTest {

    @Test
    void the_catalog_holds_every_topic_of_the_architecture_and_a_dead_letter_topic_for_each() {
        assertThat(Topics.eventTopics()).extracting(Topic::name).containsExactly(
                "price-ticks", "predictions", "edges", "approved-trades", "risk-decisions", "order-events",
                "fills", "exit-triggers", "position-events", "position-marks", "trading-state", "account-balance",
                "operational-errors",
                "alerts");
        assertThat(Topics.all()).hasSize(28);
        for (Topic<?> topic : Topics.eventTopics()) {
            Topic<DeadLetter> dlq = Topics.deadLetterOf(topic);
            assertThat(dlq.name()).isEqualTo(topic.name() + ".dlq");
            assertThat(dlq.partitions()).isEqualTo(topic.partitions());
            assertThat(dlq.isDeadLetterTopic()).isTrue();
            assertThat(Topics.byName(dlq.name())).contains(dlq);
        }
    }

    @Test
    void every_event_type_has_a_topic() {
        List<Class<?>> carried = Topics.all().stream().<Class<?>>map(Topic::valueType).toList();
        for (Class<? extends Event> type : EventTypes.all()) {
            assertThat(carried).as(type.getSimpleName())
                    .anySatisfy(valueType -> assertThat(valueType).isAssignableFrom(type));
        }
    }

    @Test
    void market_keyed_topics_are_co_partitioned() {
        assertThat(List.of(Topics.PRICE_TICKS, Topics.PREDICTIONS, Topics.EDGES))
                .extracting(Topic::partitions).containsOnly(Topics.MARKET_PARTITIONS);
    }

    @Test
    void the_event_log_is_kept_and_latest_value_topics_are_compacted() {
        assertThat(Topics.POSITION_EVENTS.brokerConfig()).isEqualTo(Map.of("cleanup.policy", "delete", "retention.ms", "-1"));
        assertThat(Topics.FILLS.brokerConfig()).containsEntry("retention.ms", "-1");
        assertThat(Topics.TRADING_STATE.brokerConfig()).isEqualTo(Map.of("cleanup.policy", "compact"));
        assertThat(Topics.PREDICTIONS.brokerConfig()).isEqualTo(Map.of("cleanup.policy", "compact"));
        assertThat(Topics.ACCOUNT_BALANCE.brokerConfig()).isEqualTo(Map.of("cleanup.policy", "compact"));
        assertThat(Topics.PRICE_TICKS.brokerConfig()).containsEntry("retention.ms", "86400000");
        assertThat(Topics.POSITION_MARKS.brokerConfig()).isEqualTo(Map.of("cleanup.policy", "compact,delete",
                "retention.ms", "604800000"));
    }
}
