package dev.tradeloop.ledger;

import dev.tradeloop.exchange.ExchangeEnvironment;
import dev.tradeloop.exchange.auth.ApiCredentials;
import dev.tradeloop.exchange.feed.FeedListener;
import dev.tradeloop.exchange.feed.FeedMessages;
import dev.tradeloop.exchange.feed.MarketFeed;
import dev.tradeloop.exchange.rest.KalshiClient;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Hears the account's orders change on Kalshi's {@code user_orders} and {@code fill} channels, so that an order
 * runner waiting on a resting order reads it when it changes instead of every poll interval
 * (polling one order every 250 ms costs 80 of the account's read tokens a second). Each order
 * watched has a count of the changes heard; a runner notes the count before it reads the order and
 * waits for it to move. While the channel is not live, nothing is heard and runners poll.
 */
@ApplicationScoped
public class OrderWatch implements FeedListener {

    private final LedgerConfig config;
    private final Instance<ExchangeEnvironment> environment;
    private final Instance<ApiCredentials> credentials;
    private final Instance<KalshiClient> rest;
    private final Clock clock;
    private final Map<String, Long> changes = new ConcurrentHashMap<>();
    private final Object signal = new Object();
    private final java.util.List<Runnable> onReconnect = new java.util.concurrent.CopyOnWriteArrayList<>();
    private MarketFeed feed;

    public OrderWatch(LedgerConfig config, Instance<ExchangeEnvironment> environment,
            Instance<ApiCredentials> credentials, Instance<KalshiClient> rest, Clock clock) {
        this.config = config;
        this.environment = environment;
        this.credentials = credentials;
        this.rest = rest;
        this.clock = clock;
    }

    void onStart(@Observes StartupEvent start) {
        if (!config.orderFeed()) {
            Log.info("the user_orders feed is off (tradeloop.ledger.order-feed=false): resting orders are polled");
            return;
        }
        feed = new MarketFeed(environment.get(), credentials.get(), rest.get(), clock, Set.of("user_orders", "fill"), Set.of(),
                this);
        feed.start();
    }

    void onStop(@Observes ShutdownEvent stop) {
        if (feed != null) {
            feed.close();
        }
    }

    /** {@code then} runs each time the feed is connected again after it was lost (what was said meanwhile is missed). */
    public void onReconnect(Runnable then) {
        onReconnect.add(then);
    }

    @Override
    public void onReconnected() {
        onReconnect.forEach(Runnable::run);
    }

    /** True while the {@code user_orders} subscription is live: a change to a watched order will be heard. */
    public boolean isLive() {
        return feed != null && feed.isLive();
    }

    /** Starts counting the changes heard to {@code orderId}; returns the count now. */
    public long watch(String orderId) {
        return changes.computeIfAbsent(orderId, id -> 0L);
    }

    /** The changes heard to {@code orderId} so far. */
    public long changes(String orderId) {
        return changes.getOrDefault(orderId, 0L);
    }

    /** Stops counting changes to {@code orderId} (its attempt has ended). */
    public void forget(String orderId) {
        changes.remove(orderId);
    }

    /** Waits until a change to {@code orderId} is heard after {@code seen} changes, or {@code atMost} has passed. */
    public void awaitChange(String orderId, long seen, Duration atMost) throws InterruptedException {
        long end = System.nanoTime() + atMost.toNanos();
        synchronized (signal) {
            long left;
            while (changes(orderId) == seen && (left = end - System.nanoTime()) > 0) {
                signal.wait(Math.max(1, left / 1_000_000));
            }
        }
    }

    @Override
    public void onOrder(FeedMessages.OrderUpdate order) {
        heard(order.orderId());
    }

    @Override
    public void onFill(FeedMessages.FillUpdate fill) {
        heard(fill.orderId());
    }

    private void heard(String orderId) {
        if (changes.computeIfPresent(orderId, (id, count) -> count + 1) != null) {
            synchronized (signal) {
                signal.notifyAll();
            }
        }
    }
}
