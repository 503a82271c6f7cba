package dev.tradeloop.stack;

import dev.tradeloop.events.KafkaUser;
import java.nio.file.Path;

/**
 * The passwords docker compose gives its parts, as {@code .env} lines: the broker's superuser and
 * controller, each Kafka user's, PostgreSQL's superuser and each service role's. They are the local
 * stack's own ({@code <keys-dir>/kafka}, {@code <keys-dir>/postgres}), made there when missing.
 *
 * <p>Usage: {@code ComposeSecrets <keys-dir>}
 */
public final class ComposeSecrets {

    private ComposeSecrets() {
    }

    public static void main(String[] args) {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: ComposeSecrets <keys-dir>");
        }
        Path keys = Path.of(args[0]).toAbsolutePath();
        Secrets kafka = new Secrets(keys.resolve("kafka"));
        Secrets postgres = new Secrets(keys.resolve("postgres"));
        System.out.println("TRADELOOP_KAFKA_ADMIN_PASSWORD=" + kafka.password(KafkaUser.ADMIN));
        System.out.println("TRADELOOP_KAFKA_CONTROLLER_PASSWORD=" + kafka.password(KafkaBroker.CONTROLLER_USER));
        for (KafkaUser user : KafkaUser.values()) {
            System.out.println("TRADELOOP_KAFKA_PASSWORD_" + user.name() + "=" + kafka.password(user.userName()));
        }
        System.out.println("POSTGRES_PASSWORD=" + postgres.password(PostgresServer.SUPERUSER));
        for (PostgresSetup.Role role : PostgresSetup.Role.values()) {
            System.out.println("TRADELOOP_POSTGRES_PASSWORD_" + role.name() + "=" + postgres.password(role.roleName()));
        }
    }
}
