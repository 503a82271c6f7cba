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
        registry.counter("tradeloop.events.published", "topic", topic.name(), "type", event.type()).increment();
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
