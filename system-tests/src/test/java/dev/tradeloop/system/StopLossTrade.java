package dev.tradeloop.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradeloop.events.Action;
import dev.tradeloop.events.Side;
import dev.tradeloop.events.money.Contracts;
import dev.tradeloop.events.money.Money;
import dev.tradeloop.events.money.Price;
import dev.tradeloop.exchange.model.NewOrder;
import dev.tradeloop.exchange.model.OrderAck;
import dev.tradeloop.testkit.ServiceProcess;
import dev.tradeloop.testkit.TestExchange;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * The whole loop's story, on a market and an account of its own: a book of YES 0.55 / 0.57 deep enough
 * for the whole entry, a model that says YES is 64 % likely (bought at the 0.57 ask), then the market
 * falls to a 0.45 bid, 21 % under the entry, which is a stop-loss.
 */
final class StopLossTrade {

    static final Price ENTRY = Price.parse("0.57");
    static final Price FALLEN_BID = Price.parse("0.45");

    final TestExchange exchange = TestExchange.get();
    final TestExchange.Account account = exchange.newAccount();
    final String market = "KXLOOP-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    final Money balanceBefore;
    private final OrderAck bid;

    StopLossTrade() {
        exchange.listMarket(market, "KXLOOP", Instant.now().plus(3, ChronoUnit.HOURS));
        bid = exchange.maker().createOrder(NewOrder.of(market, Side.YES, Action.BUY, Contracts.whole(3000),
                Price.parse("0.55"), NewOrder.GOOD_TILL_CANCELED, "maker-bid-" + market));
        exchange.maker().createOrder(NewOrder.of(market, Side.NO, Action.BUY, Contracts.whole(3100),
                Price.parse("0.43"), NewOrder.GOOD_TILL_CANCELED, "maker-ask-" + market));
        // 100 contracts of volume, so the market is liquid enough to trade
        exchange.other().createOrder(NewOrder.of(market, Side.YES, Action.BUY, Contracts.whole(100),
                ENTRY, NewOrder.IMMEDIATE_OR_CANCEL, "other-" + market));
        balanceBefore = account.client().balance().dollars();
    }

    /** The six services of the loop, trading from this story's account, started healthy; closing stops them. */
    record Loop(ServiceProcess risk, ServiceProcess order, ServiceProcess monitor, ServiceProcess exit,
            ServiceProcess edge, ServiceProcess portfolio) implements AutoCloseable {

        @Override
        public void close() {
            for (ServiceProcess service : java.util.List.of(portfolio, edge, exit, monitor, order, risk)) {
                service.close();
            }
        }
    }

    /**
     * Starts the loop on the project's method with its account-wide limits (open positions, exposure,
     * the day's loss) raised: the JVM's broker holds other tests' positions and losses, which the risk
     * gate would otherwise count against this story's one entry.
     */
    Loop startLoop(String database) {
        Stack stack = new Stack(database, account).with("tradeloop.methods.dir", methodsWithRoomFor(database));
        java.util.List<ServiceProcess> started = stack.startTogether("risk-service", "order-service",
                "monitor-service", "exit-service", "edge-service");
        try {
            ServiceProcess portfolio = stack.start("portfolio-service",
                    java.util.Map.of("tradeloop.portfolio.risk-url", started.get(0).uri("/").toString()));
            return new Loop(started.get(0), started.get(1), started.get(2), started.get(3), started.get(4), portfolio);
        } catch (RuntimeException | AssertionError e) {
            started.forEach(ServiceProcess::close);
            throw e;
        }
    }

    /** The model says YES is 64 % likely: edge-service takes the prediction. */
    void predict(ServiceProcess edge) throws IOException {
        String body = "{\"marketTicker\":\"" + market + "\",\"probabilityYes\":\"0.64\",\"confidence\":\"0.80\","
                + "\"modelId\":\"loop\",\"modelVersion\":\"1\"}";
        assertThat(edge.post("/predictions", body, Stack.asModel("loop")).statusCode()).isEqualTo(202);
    }

    /** The market falls: the 0.55 bid is gone, the best bid is 0.45. */
    void marketFalls() {
        exchange.maker().createOrder(NewOrder.of(market, Side.YES, Action.BUY, Contracts.whole(3000),
                FALLEN_BID, NewOrder.GOOD_TILL_CANCELED, "maker-bid2-" + market));
        exchange.maker().cancelOrder(bid.orderId(), market);
    }

    private static String methodsWithRoomFor(String name) {
        try {
            Path methods = Files.createDirectories(Stack.ROOT.resolve("system-tests/target/methods-" + name));
            try (var files = Files.list(Stack.ROOT.resolve("methods"))) {
                for (Path method : files.filter(file -> file.toString().endsWith(".yaml")).toList()) {
                    String text = Files.readString(method)
                            .replaceAll("max_open_positions: \\d+", "max_open_positions: 1000")
                            .replaceAll("max_total_exposure: \"[0-9.]+\"", "max_total_exposure: \"10000000.00\"")
                            .replaceAll("daily_loss_limit: \"[0-9.]+\"", "daily_loss_limit: \"10000000.00\"");
                    if (!text.contains("max_open_positions: 1000") || !text.contains("daily_loss_limit: \"10000000.00\"")) {
                        throw new IllegalStateException(method + " no longer has the limits this test raises");
                    }
                    Files.writeString(methods.resolve(method.getFileName()), text);
                }
            }
            return methods.toString();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    Money balanceNow() {
        return account.client().balance().dollars();
    }
}
