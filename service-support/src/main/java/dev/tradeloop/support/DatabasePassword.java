package dev.tradeloop.support;

import io.quarkus.arc.Unremovable;
import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A service with a database logs in as its own role with {@code tradeloop.postgres.password}, which
 * has no default. Required here so that a service without it stops at start-up naming that setting,
 * rather than with the database's "no password was provided".
 */
@ApplicationScoped
@Unremovable
@IfBuildProperty(name = "quarkus.datasource.db-kind", stringValue = "postgresql")
public class DatabasePassword {

    DatabasePassword(@ConfigProperty(name = "tradeloop.postgres.password") String password) {
        if (password.isBlank()) {
            throw new IllegalStateException("tradeloop.postgres.password is empty");
        }
    }
}
