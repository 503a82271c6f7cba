package dev.tradeloop.ledger;

import dev.tradeloop.events.OrderPurpose;
import dev.tradeloop.events.ReconciliationRun;
import dev.tradeloop.events.Topics;
import dev.tradeloop.support.EventPublisher;
import dev.tradeloop.support.Workers;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Runs the service's {@link LedgerReconciliation}: at start, every {@code tradeloop.ledger.reconcile-interval}
 * (30 s), and each time the order feed is connected again (what it said meanwhile was missed).
 */
@ApplicationScoped
public class ReconciliationSchedule {

    /** The last run: of which ledger, when, and what it found and did. */
    public record LastRun(OrderPurpose purpose, Instant at, LedgerReconciliation.Result result) {

        /** {@code entries} or {@code exits}: the ledger reconciled. */
        public String scope() {
            return purpose == OrderPurpose.ENTRY ? "entries" : "exits";
        }

        ReconciliationRun event(String service) {
            Map<String, Integer> figures = new LinkedHashMap<>();
            figures.put("fillsRead", result.fillsRead());
            figures.put("fillsRecorded", result.fillsRecorded());
            figures.put("ordersResting", result.ordersResting());
            figures.put("ordersCancelled", result.ordersCancelled());
            figures.put("foreignOrders", result.foreignOrders());
            return new ReconciliationRun(UUID.randomUUID(), at, "reconciliation-" + scope() + "-" + at.toEpochMilli(),
                    service, scope(), figures, result.findings(), result.failure());
        }
    }

    private final LedgerReconciliation reconciliation;
    private final LedgerConfig config;
    private final OrderWatch watch;
    private final Clock clock;
    private final EventPublisher publisher;
    private final String service;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "ledger-reconciliation");
        thread.setDaemon(true);
        return thread;
    });
    private volatile LastRun last;
    private final Workers workers;

    public ReconciliationSchedule(LedgerReconciliation reconciliation, LedgerConfig config, OrderWatch watch,
            Clock clock, EventPublisher publisher, @ConfigProperty(name = "quarkus.application.name") String service,
            Workers workers) {
        this.workers = workers;
        this.publisher = publisher;
        this.service = service;
        this.reconciliation = reconciliation;
        this.config = config;
        this.watch = watch;
        this.clock = clock;
    }

    void onStart(@Observes StartupEvent start) {
        long every = config.reconcileInterval().toMillis();
        Runnable round = workers.rounds("ledger-reconciliation", this::runOnce);
        timer.scheduleWithFixedDelay(round, 0, every, TimeUnit.MILLISECONDS);
        watch.onReconnect(() -> timer.execute(round));
    }

    void onStop(@Observes ShutdownEvent stop) {
        timer.shutdownNow();
    }

    /** The last run, or empty before the first has ended. */
    public Optional<LastRun> last() {
        return Optional.ofNullable(last);
    }

    void runOnce() {
        try {
            Optional<LedgerReconciliation.Result> result = reconciliation.run();
            if (result.isPresent()) { // else another instance ran this one
                LastRun run = new LastRun(reconciliation.purpose(), clock.instant(), result.get());
                last = run;
                publisher.publish(Topics.ACCOUNT_BALANCE, "reconciliation-" + run.scope(), run.event(service));
            }
        } catch (Exception e) {
            Log.errorf(e, "the ledger reconciliation failed this round");
        }
    }
}
