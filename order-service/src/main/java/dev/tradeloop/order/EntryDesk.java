package dev.tradeloop.order;

import dev.tradeloop.events.ApprovedTrade;
import dev.tradeloop.events.OperationalError.ErrorKind;
import dev.tradeloop.events.OrderPurpose;
import dev.tradeloop.events.Topics;
import dev.tradeloop.ledger.Claim;
import dev.tradeloop.ledger.Execution;
import dev.tradeloop.ledger.OrderLedger;
import dev.tradeloop.ledger.OrderRunner;
import dev.tradeloop.order.config.OrderConfig;
import dev.tradeloop.support.Correlation;
import dev.tradeloop.support.OperationalErrors;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Takes approved entries in and runs each to its end, several at once (an entry waits for its fill
 * for a while): an entry is in the ledger before it is acknowledged to Kafka, so one taken in is
 * never lost; the unfinished ones that no instance works (at start, and those of an instance that
 * died) are resumed; one that cannot reach the exchange is tried again later; one position is never
 * worked by two threads, nor by two instances (its {@link Claim}).
 */
@ApplicationScoped
public class EntryDesk {

    private final OrderLedger ledger;
    private final EntryExecutor executor;
    private final OperationalErrors errors;
    private final OrderConfig config;
    private final ScheduledExecutorService workers = Executors.newScheduledThreadPool(8,
            runnable -> new Thread(runnable, "entry-worker"));
    private final Set<String> running = ConcurrentHashMap.newKeySet();

    public EntryDesk(OrderLedger ledger, EntryExecutor executor, OperationalErrors errors, OrderConfig config) {
        this.ledger = ledger;
        this.executor = executor;
        this.errors = errors;
        this.config = config;
    }

    void onStart(@Observes StartupEvent start) {
        workers.scheduleWithFixedDelay(this::resume, 0, config.resumeEvery().toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Starts the unfinished entries that no instance works: at start, the ones this instance left;
     * later, the ones of an instance that died (their lock went with it).
     */
    void resume() {
        try {
            for (Execution unfinished : ledger.unclaimed(OrderPurpose.ENTRY)) {
                if (!running.contains(unfinished.positionId())) {
                    Log.infof("resuming entry %s", unfinished.positionId());
                    submit(Topics.APPROVED_TRADES.codec().decode(unfinished.requestJson()
                            .getBytes(StandardCharsets.UTF_8)));
                }
            }
        } catch (SQLException e) {
            errors.report(ErrorKind.DATABASE, "order ledger", e.getMessage(), "resume entries");
        } catch (RuntimeException e) {
            Log.errorf(e, "could not look for entries to resume");
        }
    }

    void onStop(@Observes ShutdownEvent stop) {
        workers.shutdownNow();
    }

    /** Records the entry (once, however often it is delivered) and starts working it. */
    public void accept(ApprovedTrade trade) throws SQLException {
        boolean isNew = ledger.open(new Execution(trade.positionId(), trade.positionId(), OrderPurpose.ENTRY,
                new String(Topics.APPROVED_TRADES.codec().encode(trade), StandardCharsets.UTF_8)));
        if (isNew) {
            Log.infof("entry %s accepted: buy %s %s of %s", trade.positionId(), trade.contracts(),
                    trade.side(), trade.marketTicker());
            submit(trade);
        }
    }

    private void submit(ApprovedTrade trade) {
        workers.execute(() -> run(trade));
    }

    private void run(ApprovedTrade trade) {
        if (!running.add(trade.positionId())) {
            return;
        }
        boolean again = false;
        try (Correlation correlation = Correlation.of(trade.correlationId())) {
            Optional<Claim> claim = ledger.claim(OrderPurpose.ENTRY, trade.positionId());
            if (claim.isEmpty()) {
                Log.infof("entry %s: another instance is working it", trade.positionId());
            } else {
                try (Claim held = claim.get()) {
                    if (ledger.isActive(trade.positionId())) {
                        executor.execute(trade);
                    }
                }
            }
        } catch (OrderRunner.TryLater e) {
            Log.warnf("entry %s waits: %s", trade.positionId(), e.getMessage());
            again = true;
        } catch (SQLException e) {
            errors.report(ErrorKind.DATABASE, "order ledger", e.getMessage(), trade.correlationId());
            again = true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            Log.errorf(e, "entry %s failed; trying again", trade.positionId());
            again = true;
        } finally {
            running.remove(trade.positionId());
        }
        if (again && !workers.isShutdown()) {
            workers.schedule(() -> run(trade), config.retryAfter().toMillis(), TimeUnit.MILLISECONDS);
        }
    }
}
