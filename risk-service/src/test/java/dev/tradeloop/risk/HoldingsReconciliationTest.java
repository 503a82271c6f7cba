package dev.tradeloop.risk;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tradeloop.events.Alert;
import dev.tradeloop.events.AlertCode;
import dev.tradeloop.events.AlertSeverity;
import dev.tradeloop.events.BalanceReported;
import dev.tradeloop.events.BreakerName;
import dev.tradeloop.events.BreakerState;
import dev.tradeloop.events.Topics;
import dev.tradeloop.events.TradingMode;
import dev.tradeloop.events.TradingState;
import dev.tradeloop.events.money.Money;
import dev.tradeloop.testkit.KafkaTestResource;
import dev.tradeloop.testkit.PostgresTestResource;
import dev.tradeloop.testkit.TestKafka;
import dev.tradeloop.testkit.TopicReader;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Contracts the exchange says the account holds, which no position accounts for, stop entries once
 * the difference has lasted a minute (the reconciliation breaker, REDUCE_ONLY), with a CRITICAL alert
 * naming the market and the figures, until an operator acknowledges it by resetting the breaker.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
class HoldingsReconciliationTest {

    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private static final String TOKEN = "test-operator-token";

    private static BalanceReported reportHolding(String market, String net, Instant at) {
        return new BalanceReported(UUID.randomUUID(), at, "balance-test", Money.parse("10000.00"), "order-service",
                Optional.of(Map.of(0, Money.parse("10000.00"))), Optional.of(Map.of(market, new BigDecimal(net))));
    }

    private static BreakerState reconciliation(TradingState state) {
        return state.breakers().stream().filter(b -> b.name() == BreakerName.RECONCILIATION).findFirst()
                .orElseThrow();
    }

    @Test
    void contracts_held_on_the_exchange_that_no_position_accounts_for_stop_entries_until_acknowledged() {
        TestKafka kafka = TestKafka.get();
        String market = "KXREC-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        Awaitility.await("the portfolio to be rebuilt from the log").atMost(DEADLINE)
                .until(() -> given().get("/q/health/ready").then().extract().statusCode() == 200);
        Instant now = Instant.now();

        try (TopicReader<TradingState> states = kafka.reader(Topics.TRADING_STATE);
                TopicReader<Alert> alerts = kafka.reader(Topics.ALERTS)) {
            kafka.produce(Topics.ACCOUNT_BALANCE, "account", reportHolding(market, "10", now.minusSeconds(61)));
            kafka.produce(Topics.ACCOUNT_BALANCE, "account", reportHolding(market, "10", now));
            try {
                TradingState stopped = states.await(s -> reconciliation(s).open(), DEADLINE);
                assertThat(stopped.mode()).isEqualTo(TradingMode.REDUCE_ONLY);
                assertThat(stopped.flattenAll()).isFalse();
                assertThat(reconciliation(stopped).reason().orElseThrow())
                        .contains(market + ": the exchange holds 10, the positions 0");
                Alert said = alerts.await(a -> a.code() == AlertCode.RECONCILIATION_MISMATCH
                        && a.message().contains(market), DEADLINE);
                assertThat(said.severity()).isEqualTo(AlertSeverity.CRITICAL);
                String table = given().get("/risk/holdings").then().statusCode(200).extract().asString();
                assertThat(table).containsPattern(market + " +10 +0   <- differs");
            } finally {
                given().header("X-Operator-Token", TOKEN).header("X-Operator", "carol")
                        .when().post("/risk/breakers/reconciliation/reset").then().statusCode(200);
            }
            assertThat(states.await(s -> s.correlationId().equals("reset-RECONCILIATION"), DEADLINE).mode())
                    .isEqualTo(TradingMode.ACTIVE);
        }
    }
}
