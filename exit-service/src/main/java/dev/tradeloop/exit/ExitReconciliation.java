package dev.tradeloop.exit;

import dev.tradeloop.events.OrderPurpose;
import dev.tradeloop.events.Topics;
import dev.tradeloop.exchange.rest.KalshiClient;
import dev.tradeloop.ledger.LedgerConfig;
import dev.tradeloop.ledger.LedgerReconciliation;
import dev.tradeloop.ledger.OrderLedger;
import dev.tradeloop.support.Alerts;
import dev.tradeloop.support.OperationalErrors;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

/** The exits' ledger reconciled with the exchange: a late fill is worded as the exit's, from its trigger. */
@ApplicationScoped
public class ExitReconciliation {

    @Produces
    @Singleton
    LedgerReconciliation reconciliation(OrderLedger ledger, KalshiClient exchange, LedgerConfig config,
            Alerts alerts, OperationalErrors errors, Clock clock) {
        return new LedgerReconciliation(OrderPurpose.EXIT, execution -> new ExitEvents(
                Topics.EXIT_TRIGGERS.codec().decode(execution.requestJson().getBytes(StandardCharsets.UTF_8))),
                ledger, exchange, config, alerts, errors, clock);
    }
}
