package dev.tradeloop.support;

import dev.tradeloop.events.Edge;
import dev.tradeloop.events.Event;
import dev.tradeloop.events.OrderEvent;
import dev.tradeloop.events.PriceTick;
import dev.tradeloop.events.RiskDecision;
import dev.tradeloop.events.RiskReason;
import dev.tradeloop.events.Topic;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Counts what a service publishes, at {@code /q/metrics}: every event by topic and type, and the
 * figures operators watch by name: ticks published, edges by method and side, risk decisions by
 * outcome and reason (one count per reason of a rejection), orders by purpose, status and priority.
 */
@ApplicationScoped
public class EventMetrics {

    private final MeterRegistry registry;

    public EventMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void published(Topic<?> topic, Event event) {
        relayed(topic.name(), event.type());
        recorded(event);
    }

    /** An event went out to {@code topic}: counted by the names it was stored under, never decoded again. */
    void relayed(String topic, String type) {
        registry.counter("tradeloop.events.published", "topic", topic, "type", type).increment();
    }

    /** Something {@code where} (a topic's consumer, an outbox) could not handle was set aside with its reason. */
    public void deadLettered(String where) {
        registry.counter("tradeloop.dead.letters", "where", where).increment();
    }

    /**
     * Counts the figures operators watch by name; an event that leaves through an outbox is counted
     * here when the change it reports is committed, and on {@code tradeloop.events.published} when it
     * is relayed.
     */
    public void recorded(Event event) {
        if (event instanceof PriceTick) {
            registry.counter("tradeloop.ticks.published").increment();
        } else if (event instanceof Edge edge) {
            registry.counter("tradeloop.edges", "method", edge.method().id(), "side", edge.side().name()).increment();
        } else if (event instanceof RiskDecision decision) {
            List<String> reasons = decision.reasons().isEmpty() ? List.of("NONE")
                    : decision.reasons().stream().map(RiskReason::name).toList();
            for (String reason : reasons) {
                registry.counter("tradeloop.risk.decisions", "outcome", decision.outcome().name(), "reason", reason)
                        .increment();
            }
        } else if (event instanceof OrderEvent order) {
            registry.counter("tradeloop.orders", Tags.of("purpose", order.purpose().name(), "status",
                    order.status().name(), "priority", order.priority().map(Enum::name).orElse("NONE"))).increment();
        }
    }
}
