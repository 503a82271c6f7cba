package dev.tradeloop.stack;

import dev.tradeloop.events.KafkaUser;
import dev.tradeloop.events.Topic;
import dev.tradeloop.events.Topics;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialAlteration;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.errors.SaslAuthenticationException;

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
            Set<AclBinding> bindings = Arrays.stream(KafkaUser.values()).flatMap(user -> user.aclBindings().stream())
                    .collect(Collectors.toSet());
            admin.createAcls(List.copyOf(bindings)).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            int acls = bindings.size();
            awaitInForce(admin, bootstrapServers, acls, passwordOf);
            return "topics: " + Topics.all().size() + " in the catalog, " + created + " created; users: "
                    + users.size() + " with " + acls + " ACLs";
        }
    }

    /**
     * The controller has the users and ACLs once the calls above return; the broker applies them a
     * moment later. Until it has, a service that starts now would be refused: wait until the broker
     * lists every ACL and lets every user in.
     */
    private static void awaitInForce(Admin admin, String bootstrapServers, int acls,
            Function<KafkaUser, String> passwordOf) throws Exception {
        Instant deadline = Instant.now().plusSeconds(TIMEOUT_SECONDS);
        while (admin.describeAcls(AclBindingFilter.ANY).values().get(TIMEOUT_SECONDS, TimeUnit.SECONDS).size() < acls) {
            pauseBefore(deadline, "the broker to apply the ACLs");
        }
        for (KafkaUser user : KafkaUser.values()) {
            Map<String, Object> settings = new HashMap<>(KafkaUser.clientSettings(bootstrapServers, user.userName(),
                    passwordOf.apply(user)));
            settings.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
            settings.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "10000");
            while (!logsIn(settings)) {
                pauseBefore(deadline, "the broker to let " + user.userName() + " in");
            }
        }
    }

    private static boolean logsIn(Map<String, Object> settings) throws Exception {
        try (Admin asUser = Admin.create(settings)) {
            asUser.describeCluster().clusterId().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            return true;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof SaslAuthenticationException) {
                return false;
            }
            throw e;
        }
    }

    /** A short wait between two looks at the broker, failing once {@code deadline} has passed. */
    private static void pauseBefore(Instant deadline, String waitingFor) throws InterruptedException {
        if (Instant.now().isAfter(deadline)) {
            throw new IllegalStateException("waited " + TIMEOUT_SECONDS + " s for " + waitingFor);
        }
        Thread.sleep(100);
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
