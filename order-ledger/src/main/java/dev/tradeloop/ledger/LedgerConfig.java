package dev.tradeloop.ledger;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How orders on the exchange are watched while they rest. */
@ConfigMapping(prefix = "tradeloop.ledger")
public interface LedgerConfig {

    /**
     * How often a resting order is read while the {@code user_orders} feed is not live, and how
     * often, in any case, its deadline and the reasons to stop early are checked.
     */
    @WithDefault("250ms")
    Duration pollInterval();

    /**
     * How often a resting order is read while the {@code user_orders} feed is live and has said
     * nothing of it: the net under a lost update. Each change the feed reports is read at once.
     */
    @WithDefault("5s")
    Duration liveReadInterval();

    /**
     * After an unknown outcome, how long an order that the exchange does not show is waited for
     * before it is sent again: longer than the exchange accepts a signed request (Kalshi does not
     * document the window; the simulator's is 30 s), so the first request can no longer arrive.
     */
    @WithDefault("60s")
    Duration resendAfter();

    /** Follow the account's orders on the WebSocket {@code user_orders} channel; off, resting orders are polled. */
    @WithDefault("true")
    boolean orderFeed();

    /** How often the ledger is reconciled with the exchange (also at start, and after the order feed reconnects). */
    @WithDefault("30s")
    Duration reconcileInterval();

    /** How far back a reconciliation reads the exchange's fills and orders. */
    @WithDefault("24h")
    Duration reconcileLookback();

    /**
     * What a reconciliation does with an order resting on the exchange that no ledger knows (placed by
     * a person, or another program, on the account): {@code cancel} it, or {@code alert} only. The
     * alert goes out either way. order-service alone acts on these.
     */
    @WithDefault("cancel")
    ForeignOrders foreignOrders();

    /** See {@link #foreignOrders()}. */
    enum ForeignOrders {
        CANCEL,
        ALERT
    }
}
