package dev.tradeloop.stack;

import dev.tradeloop.events.Topic;
import dev.tradeloop.events.Topics;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * Creates every topic of the catalog that a broker does not have yet, as the catalog describes it
 * (partitions, retention or compaction); existing topics are left as they are.
 *
 * <p>Usage: {@code CreateTopics <bootstrap-servers>}
 */
public final class CreateTopics {

    private CreateTopics() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: CreateTopics <bootstrap-servers>");
        }
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, args[0]))) {
            Set<String> existing = admin.listTopics().names().get(60, TimeUnit.SECONDS);
            List<NewTopic> missing = Topics.all().stream()
                    .filter(topic -> !existing.contains(topic.name()))
                    .map(CreateTopics::newTopic)
                    .toList();
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(60, TimeUnit.SECONDS);
            }
            System.out.println("topics: " + Topics.all().size() + " in the catalog, " + missing.size() + " created");
        }
    }

    private static NewTopic newTopic(Topic<?> topic) {
        return new NewTopic(topic.name(), topic.partitions(), (short) 1).configs(topic.brokerConfig());
    }
}
