package dev.tradeloop.support;

import dev.tradeloop.events.KafkaUser;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where the broker is and how this service logs in to it, for the Kafka clients the service makes
 * itself (the messaging channels read the same user and password through the {@code kafka.*} keys):
 * SASL/SCRAM as the service's own user, {@code tradeloop.kafka.user} (its application name), with
 * {@code tradeloop.kafka.password}, which has no default: without it the service does not start,
 * and says that this setting is missing.
 */
@ApplicationScoped
public class KafkaClientSettings {

    private final Map<String, Object> settings;

    public KafkaClientSettings(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
            @ConfigProperty(name = "tradeloop.kafka.user") String user,
            @ConfigProperty(name = "tradeloop.kafka.password") String password) {
        this.settings = KafkaUser.clientSettings(bootstrapServers, user, password);
    }

    /** The settings every client of this service starts from, with {@code extra} on top. */
    public Map<String, Object> with(Map<String, ?> extra) {
        Map<String, Object> all = new HashMap<>(settings);
        all.putAll(extra);
        return all;
    }
}
