package dev.tradeloop.order;

import dev.tradeloop.events.ApprovedTrade;
import dev.tradeloop.events.OrderPurpose;
import dev.tradeloop.events.Topic;
import dev.tradeloop.events.Topics;
import dev.tradeloop.ledger.Desk;
import dev.tradeloop.ledger.OrderLedger;
import dev.tradeloop.order.config.OrderConfig;
import dev.tradeloop.support.OperationalErrors;
import dev.tradeloop.support.Workers;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.SQLException;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The entries' {@link Desk}: takes approved entries in and runs each to its end, several at once
 * (an entry waits for its fill for a while), one per position; the ledger's desk does the rest
 * (never lost, resumed, tried again, one instance per position).
 */
@ApplicationScoped
public class EntryDesk implements Desk.Kind<ApprovedTrade> {

    private static final int WORKERS = 8;

    private final EntryExecutor executor;
    private final Desk<ApprovedTrade> desk;

    public EntryDesk(OrderLedger ledger, EntryExecutor executor, OperationalErrors errors, OrderConfig config,
            Workers workers) {
        this.executor = executor;
        this.desk = new Desk<>(ledger, this, errors, workers, WORKERS, config.resumeEvery(), config.retryAfter());
    }

    void onStart(@Observes StartupEvent start) {
        desk.start();
    }

    void onStop(@Observes ShutdownEvent stop) {
        desk.stop();
    }

    /** Records the entry (once, however often it is delivered) and starts working it. */
    public void accept(ApprovedTrade trade) throws SQLException {
        if (desk.accept(trade)) {
            Log.infof("entry %s accepted: buy %s %s of %s", trade.positionId(), trade.contracts(), trade.side(),
                    trade.marketTicker());
        }
    }

    @Override
    public OrderPurpose purpose() {
        return OrderPurpose.ENTRY;
    }

    @Override
    public Topic<ApprovedTrade> topic() {
        return Topics.APPROVED_TRADES;
    }

    /** An entry's execution is its position's: one entry per position. */
    @Override
    public String executionIdOf(ApprovedTrade trade) {
        return trade.positionId();
    }

    @Override
    public String positionId(ApprovedTrade trade) {
        return trade.positionId();
    }

    @Override
    public String correlationId(ApprovedTrade trade) {
        return trade.correlationId();
    }

    @Override
    public void execute(ApprovedTrade trade, Supplier<Optional<ApprovedTrade>> takenOverBy)
            throws SQLException, InterruptedException {
        executor.execute(trade);
    }
}
