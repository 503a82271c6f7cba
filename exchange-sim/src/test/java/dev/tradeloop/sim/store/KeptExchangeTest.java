package dev.tradeloop.sim.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradeloop.events.Prediction;
import dev.tradeloop.events.money.Contracts;
import dev.tradeloop.events.money.Money;
import dev.tradeloop.events.money.Price;
import dev.tradeloop.sim.exchange.BookSide;
import dev.tradeloop.sim.exchange.MutableClock;
import dev.tradeloop.sim.exchange.OrderRequest;
import dev.tradeloop.sim.exchange.SimExchange;
import dev.tradeloop.sim.exchange.SimMarket;
import dev.tradeloop.sim.exchange.SimOrder;
import dev.tradeloop.sim.exchange.TimeInForce;
import dev.tradeloop.sim.scenario.Scenario;
import dev.tradeloop.sim.scenario.ScenarioFiles;
import dev.tradeloop.sim.scenario.ScenarioRunner;
import dev.tradeloop.testkit.TestPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The paper exchange is durable, like a real account: an exchange started again on its PostgreSQL
 * store (the JVM's real server) has what the first one had, carries on trading from there, and a
 * scenario resumes at the second of its story it had reached.
 */
class KeptExchangeTest {

    private static final Instant START = Instant.parse("2026-11-24T12:00:00Z");
    private static final String MARKET = "KXKEPT-26NOV24";

    private final String url = TestPostgres.get().jdbcUrl(TestPostgres.get().createDatabase("sim_store"));
    private final MutableClock clock = new MutableClock(START);
    private final List<PostgresExchangeStore> stores = new ArrayList<>();

    @AfterEach
    void closeStores() {
        stores.forEach(PostgresExchangeStore::close);
    }

    /** The exchange as a restarted simulator would start it: a new store connection, a new exchange. */
    private SimExchange startExchange() {
        PostgresExchangeStore store = PostgresExchangeStore.open(url, "exchange_sim",
                Optional.of(TestPostgres.get().servicePassword()));
        stores.add(store);
        return new SimExchange(clock, store);
    }

    private static OrderRequest order(BookSide side, long count, String price, TimeInForce timeInForce, String id) {
        return new OrderRequest(MARKET, side, Contracts.whole(count), Price.parse(price), timeInForce,
                Optional.ofNullable(id), false, false);
    }

    @Test
    void a_restarted_exchange_has_every_account_position_order_fill_and_book_level_and_trades_on() {
        SimExchange first = startExchange();
        first.addMarket(new SimMarket(MARKET, "KXKEPT", "kept", START.minusSeconds(60), START.plus(Duration.ofDays(1))));
        first.openAccount("maker", Money.parse("1000.00"));
        first.openAccount("trader", Money.parse("1000.00"));
        first.place("maker", order(BookSide.BID, 100, "0.40", TimeInForce.GOOD_TILL_CANCELED, null));
        SimOrder ask = first.place("maker", order(BookSide.ASK, 100, "0.45", TimeInForce.GOOD_TILL_CANCELED, null));
        SimOrder bought = first.place("trader", order(BookSide.BID, 30, "0.45", TimeInForce.IMMEDIATE_OR_CANCEL,
                "trader-1"));
        first.place("trader", order(BookSide.BID, 5, "0.30", TimeInForce.GOOD_TILL_CANCELED, "trader-2"));

        SimExchange second = startExchange();

        for (String account : List.of("maker", "trader")) {
            assertThat(second.account(account).balance()).isEqualTo(first.account(account).balance());
            assertThat(second.account(account).positions()).isEqualTo(first.account(account).positions());
            assertThat(second.fills(account)).isEqualTo(first.fills(account));
            assertThat(second.orders(account)).extracting(SimOrder::orderId, SimOrder::status, SimOrder::filledCount,
                    SimOrder::remainingCount, SimOrder::clientOrderId).containsExactlyElementsOf(first.orders(account)
                    .stream().map(o -> org.assertj.core.groups.Tuple.tuple(o.orderId(), o.status(), o.filledCount(),
                            o.remainingCount(), o.clientOrderId())).toList());
        }
        assertThat(second.account("trader").netPosition(MARKET)).isEqualTo(3000);
        assertThat(second.account("trader").balance()).isEqualTo(Money.parse("1000.00")
                .minus(Money.parse("13.50")).minus(second.fills("trader").get(0).fee()));
        for (BookSide side : BookSide.values()) {
            assertThat(second.levels(MARKET, side)).isEqualTo(first.levels(MARKET, side));
        }
        assertThat(second.market(MARKET).volume()).isEqualTo(Contracts.whole(30));

        // It trades on: the restored resting ask fills the next buyer, and new ids do not repeat old ones.
        SimOrder next = second.place("trader", order(BookSide.BID, 70, "0.45", TimeInForce.IMMEDIATE_OR_CANCEL,
                "trader-3"));
        assertThat(next.filledCount()).isEqualTo(Contracts.whole(70));
        assertThat(next.orderId()).isNotIn(bought.orderId(), ask.orderId());
        assertThat(second.ownOrder("maker", ask.orderId()).status()).isEqualTo(SimOrder.Status.EXECUTED);
        assertThat(startExchange().account("trader").netPosition(MARKET)).isEqualTo(10_000);
    }

    @Test
    void a_store_that_cannot_be_reached_stops_the_start_saying_where() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> PostgresExchangeStore.open(
                "jdbc:postgresql://127.0.0.1:1/nowhere", "exchange_sim", Optional.empty()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("the simulator's store at jdbc:postgresql://127.0.0.1:1/nowhere cannot be used");
    }

    @Test
    void a_save_the_database_refused_goes_with_the_next_save() throws SQLException {
        SimExchange exchange = startExchange();
        exchange.addMarket(new SimMarket(MARKET, "KXKEPT", "kept", START.minusSeconds(60), START.plus(Duration.ofDays(1))));
        exchange.openAccount("trader", Money.parse("1000.00"));
        // the database drops the store's connection: the next save fails, and the order is still placed
        try (Connection admin = DriverManager.getConnection(url, TestPostgres.USER,
                TestPostgres.get().superuserPassword());
                Statement statement = admin.createStatement()) {
            statement.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                    + "WHERE application_name = 'exchange-sim' AND datname = current_database()");
        }
        SimOrder lost = exchange.place("trader", order(BookSide.BID, 5, "0.30", TimeInForce.GOOD_TILL_CANCELED, "a"));
        SimOrder next = exchange.place("trader", order(BookSide.BID, 6, "0.31", TimeInForce.GOOD_TILL_CANCELED, "b"));

        SimExchange restarted = startExchange();
        assertThat(restarted.orders("trader")).extracting(SimOrder::orderId).containsExactly(lost.orderId(),
                next.orderId());
        assertThat(restarted.levels(MARKET, BookSide.BID)).hasSize(2);
    }

    @Test
    void a_scenario_resumed_after_a_restart_plays_on_as_if_it_had_never_stopped() {
        Scenario scenario = ScenarioFiles.load("classpath:scenarios/runner-test.json");
        // the same scenario played without a stop, in memory, for 40 seconds
        MutableClock steady = new MutableClock(START);
        SimExchange uninterrupted = new SimExchange(steady);
        List<Prediction> steadyPredictions = new ArrayList<>();
        ScenarioRunner reference = new ScenarioRunner(scenario, uninterrupted, steadyPredictions::add, START);
        for (long s = 0; s <= 40; s++) {
            steady.set(START.plusSeconds(s));
            reference.step(steady.instant());
        }

        // played 20 seconds on a kept exchange, then the simulator stops for ten minutes;
        SimExchange first = startExchange();
        List<Prediction> predictions = new ArrayList<>();
        ScenarioRunner before = new ScenarioRunner(scenario, first, predictions::add, START);
        for (long s = 0; s <= 20; s++) {
            clock.set(START.plusSeconds(s));
            before.step(clock.instant());
        }
        Duration pause = Duration.ofMinutes(10);
        clock.set(START.plusSeconds(20).plus(pause));
        SimExchange second = startExchange();
        ScenarioRunner after = ScenarioRunner.restore(scenario, second, predictions::add, clock.instant()).orElseThrow();

        // it resumes at second 20 of its story, its markets' times moved on by the pause,
        assertThat(after.elapsedSeconds()).isEqualTo(20);
        for (Scenario.MarketScript market : scenario.markets()) {
            assertThat(second.market(market.ticker()).closeTime())
                    .isEqualTo(uninterrupted.market(market.ticker()).closeTime().plus(pause));
        }
        for (long s = 21; s <= 40; s++) {
            clock.set(START.plus(pause).plusSeconds(s));
            after.step(clock.instant());
        }
        // and plays on exactly as the uninterrupted one did: the same truths, books, trades and predictions.
        assertThat(after.trueProbabilities()).isEqualTo(reference.trueProbabilities());
        for (Scenario.MarketScript market : scenario.markets()) {
            for (BookSide side : BookSide.values()) {
                assertThat(second.levels(market.ticker(), side))
                        .isEqualTo(uninterrupted.levels(market.ticker(), side));
            }
            assertThat(second.market(market.ticker()).volume())
                    .isEqualTo(uninterrupted.market(market.ticker()).volume());
        }
        for (String account : List.of(ScenarioRunner.MAKER, ScenarioRunner.NOISE_TRADER)) {
            assertThat(second.account(account).balance()).isEqualTo(uninterrupted.account(account).balance());
        }
        assertThat(predictions).extracting(Prediction::marketTicker, Prediction::probabilityYes)
                .containsExactlyElementsOf(steadyPredictions.stream()
                        .map(p -> org.assertj.core.groups.Tuple.tuple(p.marketTicker(), p.probabilityYes())).toList());
    }
}
