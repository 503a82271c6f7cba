package dev.tradeloop.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tradeloop.exchange.ExchangeEnvironment;

/** The values a deployment gives the services that they check at start, checked here the same way. */
final class Settings {

    private Settings() {
    }

    /** Fails when {@code environment} (variable to value) holds a value a service would refuse at start. */
    static void assertValuesTheServicesAccept(JsonNode environment, String where) {
        JsonNode exchange = environment.path("TRADELOOP_EXCHANGE_ENV");
        if (!exchange.isMissingNode()) {
            assertThatCode(() -> ExchangeEnvironment.of(exchange.asText(), false))
                    .as(where + ": TRADELOOP_EXCHANGE_ENV " + exchange.asText()).doesNotThrowAnyException();
        }
        JsonNode database = environment.path("QUARKUS_DATASOURCE_JDBC_URL");
        if (!database.isMissingNode()) {
            assertThat(database.asText()).as(where + ": QUARKUS_DATASOURCE_JDBC_URL")
                    .matches("jdbc:postgresql://[a-z0-9.-]+:[0-9]+/[a-z_]+");
        }
    }
}
