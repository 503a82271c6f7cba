package dev.tradeloop.order;

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

/** The entries' ledger reconciled with the exchange: a late fill is worded as the entry's, from its approved trade. */
@ApplicationScoped
public class EntryReconciliation {

    @Produces
    @Singleton
    LedgerReconciliation reconciliation(OrderLedger ledger, KalshiClient exchange, LedgerConfig config,
            Alerts alerts, OperationalErrors errors, Clock clock) {
        return new LedgerReconciliation(OrderPurpose.ENTRY, execution -> EntryEvents.reportFor(
                Topics.APPROVED_TRADES.codec().decode(execution.requestJson().getBytes(StandardCharsets.UTF_8))),
                ledger, exchange, config, alerts, errors, clock);
    }
}
