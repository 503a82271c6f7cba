package dev.tradeloop.order;

import dev.tradeloop.events.BalanceReported;
import dev.tradeloop.events.OperationalError.ErrorKind;
import dev.tradeloop.events.Topics;
import dev.tradeloop.events.money.Contracts;
import dev.tradeloop.events.money.Money;
import dev.tradeloop.exchange.model.Balance;
import dev.tradeloop.exchange.model.MarketPosition;
import dev.tradeloop.exchange.model.Page;
import dev.tradeloop.exchange.rest.ExchangeException;
import dev.tradeloop.exchange.rest.KalshiClient;
import dev.tradeloop.order.config.OrderConfig;
import dev.tradeloop.support.EventPublisher;
import dev.tradeloop.support.OperationalErrors;
import dev.tradeloop.support.Workers;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Reads the account's cash balance from the exchange and publishes it on {@code account-balance}
 * (the bankroll risk-service sizes with): at start, every interval, and soon after an order ends.
 */
@ApplicationScoped
public class BalanceReporter {

    private final KalshiClient exchange;
    private final EventPublisher publisher;
    private final OperationalErrors errors;
    private final OrderConfig config;
    private final Clock clock;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            runnable -> new Thread(runnable, "balance-reporter"));
    private final Workers workers;

    public BalanceReporter(KalshiClient exchange, EventPublisher publisher, OperationalErrors errors,
            OrderConfig config, Clock clock, Workers workers) {
        this.workers = workers;
        this.exchange = exchange;
        this.publisher = publisher;
        this.errors = errors;
        this.config = config;
        this.clock = clock;
    }

    void onStart(@Observes StartupEvent start) {
        long every = config.balanceInterval().toMillis();
        timer.scheduleWithFixedDelay(workers.rounds("balance-reporter", this::report), 0, every,
                TimeUnit.MILLISECONDS);
    }

    void onStop(@Observes ShutdownEvent stop) {
        timer.shutdownNow();
    }

    /**
     * What the exchange says the account holds, net per market (YES positive, NO negative), markets
     * held only; empty when the positions could not be read (nothing is then reconciled).
     */
    private Optional<Map<String, BigDecimal>> holdings() {
        try {
            Map<String, BigDecimal> held = new TreeMap<>();
            for (MarketPosition position : Page.all(cursor -> exchange.positions(cursor, 200))) {
                BigDecimal size = BigDecimal.valueOf(position.size().hundredths(), Contracts.SCALE);
                if (size.signum() != 0) {
                    held.put(position.ticker(), position.isNo() ? size.negate() : size);
                }
            }
            return Optional.of(held);
        } catch (ExchangeException e) {
            errors.report(ErrorKind.EXCHANGE_API, "read positions", e.getMessage(), "balance");
            return Optional.empty();
        }
    }

    /** An order ended: the balance changed, report it without waiting for the interval. */
    public void refreshSoon() {
        timer.execute(this::report);
    }

    void report() {
        try {
            Balance balance = exchange.balance();
            Map<Integer, Money> shards = balance.balanceBreakdown().stream()
                    .collect(Collectors.toMap(Balance.IndexedBalance::exchangeIndex, Balance.IndexedBalance::balance,
                            Money::plus));
            BalanceReported reported = new BalanceReported(UUID.randomUUID(), clock.instant(),
                    "balance-" + clock.millis(), balance.dollars(), "order-service",
                    Optional.of(shards.isEmpty() ? Map.of(0, balance.dollars()) : shards), holdings());
            publisher.publish(Topics.ACCOUNT_BALANCE, "account", reported);
            Log.debugf("balance %s", reported.balance());
        } catch (ExchangeException e) {
            errors.report(ErrorKind.EXCHANGE_API, "read balance", e.getMessage(), "balance");
        } catch (RuntimeException e) {
            Log.errorf("could not report the balance: %s", e.getMessage());
        }
    }
}
