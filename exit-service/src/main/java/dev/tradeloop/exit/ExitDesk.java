package dev.tradeloop.exit;

import dev.tradeloop.events.ExitTrigger;
import dev.tradeloop.events.OrderEnding;
import dev.tradeloop.events.OrderPurpose;
import dev.tradeloop.events.OrderStatus;
import dev.tradeloop.events.Topic;
import dev.tradeloop.events.Topics;
import dev.tradeloop.events.money.Contracts;
import dev.tradeloop.exit.config.ExitConfig;
import dev.tradeloop.ledger.Desk;
import dev.tradeloop.ledger.OrderLedger;
import dev.tradeloop.support.OperationalErrors;
import dev.tradeloop.support.Workers;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The exits' {@link Desk}: takes exit triggers in and runs each to its end, one exit per position.
 * A more urgent trigger for a position whose exit is running takes over (the running one cancels
 * its resting order and ends, then the new one starts); one no more urgent is recorded and ended
 * {@code ABANDONED}, since an exit at least as urgent is working. The ledger's desk does the rest
 * (never lost, resumed in the order they came, tried again, one instance per position).
 */
@ApplicationScoped
public class ExitDesk implements Desk.Kind<ExitTrigger> {

    private final OrderLedger ledger;
    private final ExitExecutor executor;
    private final Clock clock;
    private final Desk<ExitTrigger> desk;

    public ExitDesk(OrderLedger ledger, ExitExecutor executor, OperationalErrors errors, ExitConfig config,
            Clock clock, Workers workers) {
        this.ledger = ledger;
        this.executor = executor;
        this.clock = clock;
        this.desk = new Desk<>(ledger, this, errors, workers, config.workers(), config.resumeEvery(),
                config.retryAfter());
    }

    /** The ledger's execution id of a trigger's exit (its client order ids are this, a dash, the attempt). */
    public static String executionId(ExitTrigger trigger) {
        return ExitTrigger.executionIdOf(trigger.eventId());
    }

    void onStart(@Observes StartupEvent start) {
        desk.start();
    }

    void onStop(@Observes ShutdownEvent stop) {
        desk.stop();
    }

    /** Records the trigger (once, however often it is delivered) and starts, queues or declines its exit. */
    public void accept(ExitTrigger trigger) throws SQLException {
        if (desk.accept(trigger)) {
            Log.infof("exit %s accepted: %s %s, sell %s %s of %s", trigger.positionId(), trigger.priority(),
                    trigger.reason(), trigger.quantity(), trigger.side(), trigger.marketTicker());
        }
    }

    @Override
    public OrderPurpose purpose() {
        return OrderPurpose.EXIT;
    }

    @Override
    public Topic<ExitTrigger> topic() {
        return Topics.EXIT_TRIGGERS;
    }

    @Override
    public String executionIdOf(ExitTrigger trigger) {
        return executionId(trigger);
    }

    @Override
    public String positionId(ExitTrigger trigger) {
        return trigger.positionId();
    }

    @Override
    public String correlationId(ExitTrigger trigger) {
        return trigger.correlationId();
    }

    @Override
    public void execute(ExitTrigger trigger, Supplier<Optional<ExitTrigger>> takenOverBy)
            throws SQLException, InterruptedException {
        executor.execute(trigger, takenOverBy);
    }

    @Override
    public boolean takesOver(ExitTrigger trigger, ExitTrigger working) {
        boolean takesOver = trigger.priority().isMoreUrgentThan(working.priority());
        if (takesOver) {
            Log.infof("exit %s: %s %s takes over from %s %s", trigger.positionId(), trigger.priority(),
                    trigger.reason(), working.priority(), working.reason());
        }
        return takesOver;
    }

    /** Ends a trigger that will not run: an exit at least as urgent has the position. */
    @Override
    public void decline(ExitTrigger trigger, ExitTrigger working) throws SQLException {
        String note = "an exit at least as urgent is working: " + working.priority() + " " + working.reason();
        ledger.finish(executionId(trigger), List.of(new ExitEvents(trigger).end(OrderStatus.ABANDONED,
                OrderEnding.DECLINED, 0, Contracts.ZERO, note, clock.instant())));
        Log.infof("exit %s %s %s declined: %s", trigger.positionId(), trigger.priority(), trigger.reason(), note);
    }
}
