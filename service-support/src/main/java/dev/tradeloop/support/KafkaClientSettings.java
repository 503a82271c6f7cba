package dev.tradeloop.support;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where the broker is and how this service logs in to it, for the Kafka clients the service makes
 * itself (the messaging channels read the same {@code kafka.*} keys): SASL/SCRAM as the service's
 * own user, {@code tradeloop.kafka.user} (its application name), with {@code tradeloop.kafka.password},
 * which has no default: a service without it does not start.
 */
@ApplicationScoped
public class KafkaClientSettings {

    private final Map<String, Object> settings;

    public KafkaClientSettings(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
            @ConfigProperty(name = "kafka.security.protocol") String securityProtocol,
            @ConfigProperty(name = "kafka.sasl.mechanism") String mechanism,
            @ConfigProperty(name = "kafka.sasl.jaas.config") String jaasConfig) {
        this.settings = Map.of("bootstrap.servers", bootstrapServers, "security.protocol", securityProtocol,
                "sasl.mechanism", mechanism, "sasl.jaas.config", jaasConfig);
    }

    /** The settings every client of this service starts from, with {@code extra} on top. */
    public Map<String, Object> with(Map<String, ?> extra) {
        Map<String, Object> all = new HashMap<>(settings);
        all.putAll(extra);
        return all;
    }
}
