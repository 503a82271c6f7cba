package dev.tradeloop.stack;

import dev.tradeloop.events.KafkaUser;
import dev.tradeloop.events.Topic;
import dev.tradeloop.events.Topics;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialAlteration;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;

/**
 * Makes a broker hold what the catalog says, as its superuser: every topic it does not have yet
 * (partitions, retention or compaction; existing topics are left as they are), a SCRAM user for
 * each service and model with its password, and exactly the ACLs {@link KafkaUser} gives each.
 * Running it again changes nothing but the passwords, which it sets to what it is given.
 *
 * <p>Usage: {@code KafkaSetup <bootstrap-servers> <secrets-dir>}: the superuser's password and each
 * user's are {@code <secrets-dir>/<user>.password}, made there when missing.
 */
public final class KafkaSetup {

    private static final long TIMEOUT_SECONDS = 60;

    private KafkaSetup() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: KafkaSetup <bootstrap-servers> <secrets-dir>");
        }
        Secrets secrets = new Secrets(Path.of(args[1]).toAbsolutePath());
        System.out.println(apply(args[0], secrets.password(KafkaUser.ADMIN), user -> secrets.password(user.userName())));
    }

    /** Applies the catalog to the broker at {@code bootstrapServers}; returns what it did, in one line. */
    public static String apply(String bootstrapServers, String adminPassword, Function<KafkaUser, String> passwordOf)
            throws Exception {
        try (Admin admin = Admin.create(KafkaUser.clientSettings(bootstrapServers, KafkaUser.ADMIN, adminPassword))) {
            int created = createMissingTopics(admin);
            List<UserScramCredentialAlteration> users = Arrays.stream(KafkaUser.values())
                    .<UserScramCredentialAlteration>map(user -> new UserScramCredentialUpsertion(user.userName(),
                            new ScramCredentialInfo(ScramMechanism.fromMechanismName(KafkaUser.MECHANISM), 8192),
                            passwordOf.apply(user)))
                    .toList();
            admin.alterUserScramCredentials(users).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            int acls = Arrays.stream(KafkaUser.values()).mapToInt(user -> user.aclBindings().size()).sum();
            admin.createAcls(Arrays.stream(KafkaUser.values()).flatMap(user -> user.aclBindings().stream()).toList())
                    .all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            return "topics: " + Topics.all().size() + " in the catalog, " + created + " created; users: "
                    + users.size() + " with " + acls + " ACLs";
        }
    }

    private static int createMissingTopics(Admin admin) throws Exception {
        Set<String> existing = admin.listTopics().names().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        List<NewTopic> missing = Topics.all().stream()
                .filter(topic -> !existing.contains(topic.name()))
                .map(KafkaSetup::newTopic)
                .toList();
        if (!missing.isEmpty()) {
            admin.createTopics(missing).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        }
        return missing.size();
    }

    private static NewTopic newTopic(Topic<?> topic) {
        return new NewTopic(topic.name(), topic.partitions(), (short) 1).configs(topic.brokerConfig());
    }
}
