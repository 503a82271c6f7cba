package dev.tradeloop.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradeloop.events.Action;
import dev.tradeloop.events.ApprovedTrade;
import dev.tradeloop.events.ExitPriority;
import dev.tradeloop.events.ExitReason;
import dev.tradeloop.events.ExitTrigger;
import dev.tradeloop.events.Fill;
import dev.tradeloop.events.OrderPurpose;
import dev.tradeloop.events.PositionClosed;
import dev.tradeloop.events.PositionEvent;
import dev.tradeloop.events.PositionOpened;
import dev.tradeloop.events.Side;
import dev.tradeloop.events.Topics;
import dev.tradeloop.events.money.Contracts;
import dev.tradeloop.events.money.Money;
import dev.tradeloop.events.money.Price;
import dev.tradeloop.exchange.model.NewOrder;
import dev.tradeloop.exchange.model.OrderAck;
import dev.tradeloop.testkit.ServiceProcess;
import dev.tradeloop.testkit.TestExchange;
import dev.tradeloop.testkit.TestKafka;
import dev.tradeloop.testkit.TopicReader;
import dev.tradeloop.testkit.TradeloopInfrastructure;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * The whole loop across processes, on a real broker, a real PostgreSQL and the simulator, trading from
 * an account of its own: a prediction becomes an edge, an approval and an entry fill; the market
 * falls, the monitor marks the position on the ticks and triggers a stop-loss exit, exit-service sells
 * at market, and the monitor closes the position. Its realized P&amp;L, fees included, is what the
 * account's balance moved, to the cent. All along, the dashboard in a real headless Chromium shows
 * the position open, then closed with its reason and P&amp;L, without the page being reloaded.
 */
@ExtendWith(TradeloopInfrastructure.class)
class WholeLoopEndToEndTest {

    private static final Duration DEADLINE = Duration.ofSeconds(90);

    @Test
    void prediction_to_entry_to_stop_loss_exit_and_the_realized_pnl_is_the_balance_change() throws IOException {
        TestExchange exchange = TestExchange.get();
        TestKafka kafka = TestKafka.get();
        TestExchange.Account account = exchange.newAccount();
        String market = "KXLOOP-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        exchange.listMarket(market, "KXLOOP", Instant.now().plus(3, ChronoUnit.HOURS));
        // a book of YES 0.55 / 0.57, deep enough for the whole entry, and 100 contracts of volume
        OrderAck bid = exchange.maker().createOrder(NewOrder.of(market, Side.YES, Action.BUY, Contracts.whole(3000),
                Price.parse("0.55"), NewOrder.GOOD_TILL_CANCELED, "maker-bid-" + market));
        exchange.maker().createOrder(NewOrder.of(market, Side.NO, Action.BUY, Contracts.whole(3100),
                Price.parse("0.43"), NewOrder.GOOD_TILL_CANCELED, "maker-ask-" + market));
        exchange.other().createOrder(NewOrder.of(market, Side.YES, Action.BUY, Contracts.whole(100),
                Price.parse("0.57"), NewOrder.IMMEDIATE_OR_CANCEL, "other-" + market));
        Money before = account.client().balance().dollars();

        Stack stack = new Stack("whole_loop", account);
        try (ServiceProcess risk = stack.start("risk-service");
                ServiceProcess order = stack.start("order-service");
                ServiceProcess monitor = stack.start("monitor-service");
                ServiceProcess exit = stack.start("exit-service");
                ServiceProcess edge = stack.start("edge-service");
                ServiceProcess portfolio = stack.start("portfolio-service",
                        Map.of("tradeloop.portfolio.risk-url", risk.uri("/").toString()));
                Browser browser = Browser.open(Files.createTempDirectory("chromium-profile"));
                TopicReader<ApprovedTrade> approvals = kafka.reader(Topics.APPROVED_TRADES);
                TopicReader<PositionEvent> positions = kafka.reader(Topics.POSITION_EVENTS);
                TopicReader<ExitTrigger> triggers = kafka.reader(Topics.EXIT_TRIGGERS);
                TopicReader<Fill> fills = kafka.reader(Topics.FILLS)) {

            // A model says YES is 64 % likely: the edge is approved and bought at the 0.57 ask.
            String body = "{\"marketTicker\":\"" + market + "\",\"probabilityYes\":\"0.64\",\"confidence\":\"0.80\","
                    + "\"modelId\":\"loop\",\"modelVersion\":\"1\"}";
            assertThat(edge.post("/predictions", body).statusCode()).isEqualTo(202);
            ApprovedTrade approved = approvals.await(t -> t.marketTicker().equals(market), DEADLINE);
            String position = approved.positionId();
            PositionOpened opened = (PositionOpened) positions.await(e -> e.positionId().equals(position)
                    && e instanceof PositionOpened, DEADLINE);
            assertThat(opened.count()).isEqualTo(approved.contracts());

            // The dashboard, in a real Chromium, shows the open position;
            browser.driver.get(portfolio.uri("/").toString());
            List<String> open = browser.await(DEADLINE, page -> cellsOf(page, "open-positions", position));
            assertThat(open.get(2)).isEqualTo(approved.contracts().toString());
            ((JavascriptExecutor) browser.driver).executeScript("window.samePage = 'not reloaded';");

            // The market falls: the 0.55 bid is gone, the best bid is 0.45, 21 % under the entry.
            exchange.maker().createOrder(NewOrder.of(market, Side.YES, Action.BUY, Contracts.whole(3000),
                    Price.parse("0.45"), NewOrder.GOOD_TILL_CANCELED, "maker-bid2-" + market));
            exchange.maker().cancelOrder(bid.orderId());

            // The monitor triggers a stop-loss (CRITICAL); exit-service sells at market into the 0.45 bid;
            ExitTrigger trigger = triggers.await(t -> t.positionId().equals(position), DEADLINE);
            assertThat(trigger.reason()).isEqualTo(ExitReason.STOP_LOSS);
            assertThat(trigger.priority()).isEqualTo(ExitPriority.CRITICAL);
            assertThat(trigger.quantity()).isEqualTo(approved.contracts());
            PositionClosed closed = (PositionClosed) positions.await(e -> e.positionId().equals(position)
                    && e instanceof PositionClosed, DEADLINE);
            assertThat(closed.exitReason()).contains(ExitReason.STOP_LOSS);
            fills.await(f -> f.positionId().equals(position) && f.purpose() == OrderPurpose.EXIT, DEADLINE);
            List<Fill> exitFills = fills.decoded().stream().filter(f -> f.positionId().equals(position)
                    && f.purpose() == OrderPurpose.EXIT).toList();
            assertThat(exitFills).allMatch(f -> f.price().equals(Price.parse("0.45")) && f.action() == Action.SELL);
            assertThat(exitFills.stream().map(Fill::count).reduce(Contracts.ZERO, Contracts::plus))
                    .isEqualTo(approved.contracts());

            // the dashboard moves it to the closed positions by itself, with the exit's reason and P&L;
            List<String> cells = browser.await(DEADLINE, page -> cellsOf(page, "closed-positions", position));
            assertThat(cells.get(4)).isEqualTo(dollars(closed.realizedPnl()));
            assertThat(cells.get(6)).isEqualTo("STOP_LOSS");
            Boolean leftOpen = browser.await(DEADLINE, page -> cellsOf(page, "open-positions", position) == null);
            assertThat(leftOpen).isTrue();
            assertThat(((JavascriptExecutor) browser.driver).executeScript("return window.samePage;"))
                    .isEqualTo("not reloaded");
            String logged = browser.await(DEADLINE, page -> page.findElements(By.cssSelector(
                    "#log li[data-kind='EXIT'][data-position-id='" + position + "']")).stream()
                    .map(WebElement::getText).findFirst().orElse(null));
            assertThat(logged).contains("exit STOP_LOSS (CRITICAL)");

            // and the realized P&L, entry and exit fees included, is exactly what the balance moved.
            Money after = account.client().balance().dollars();
            assertThat(after.minus(before)).isEqualTo(closed.realizedPnl());
            Money byHand = Price.parse("0.45").times(approved.contracts())
                    .minus(Price.parse("0.57").times(approved.contracts())).minus(closed.totalFees());
            assertThat(closed.realizedPnl()).isEqualTo(byHand);

            // One grep follows the trade: the lines logged while working it carry its correlation id;
            String correlation = "correlationId=" + approved.correlationId();
            assertThat(order.log().lines().filter(line -> line.contains("entry " + position + " ended FILLED")))
                    .singleElement().asString().contains(correlation);
            String exitEnded = "exit " + position + " CRITICAL STOP_LOSS ended";
            assertThat(exit.log().lines().filter(line -> line.contains(exitEnded)))
                    .singleElement().asString().contains(correlation);

            // the dashboard's operator actions reach risk-service, which refuses them without the token;
            HttpResponse<String> refused = portfolio.post("/operator/kill-switch",
                    "{\"action\":\"HALT\",\"reason\":\"test\"}");
            assertThat(refused.statusCode()).isEqualTo(401);
            assertThat(refused.body()).contains("the operator token is missing");

            // Every metric the Grafana dashboard charts is served, and the counters saw this trade.
            String metrics = String.join("\n", edge.get("/q/metrics").body(), risk.get("/q/metrics").body(),
                    order.get("/q/metrics").body(), monitor.get("/q/metrics").body(), exit.get("/q/metrics").body(),
                    portfolio.get("/q/metrics").body());
            assertThat(metrics).contains(dashboardMetrics().toArray(String[]::new));
            // (a counter with labels appears once it has counted; the latency histogram is there from the start)
            assertThat(metrics).contains("tradeloop_exit_triggers_total{priority=\"CRITICAL\",reason=\"STOP_LOSS\"}",
                    "tradeloop_risk_decisions_total{outcome=\"APPROVED\",reason=\"NONE\"}",
                    "tradeloop_orders_total{priority=\"CRITICAL\",purpose=\"EXIT\",status=\"FILLED\"}")
                    .doesNotContain("tradeloop_tick_to_trigger_seconds_count 0.0");
        }
    }

    /** The metric names the Grafana dashboard's queries use. */
    private static Set<String> dashboardMetrics() throws IOException {
        String dashboard = Files.readString(Stack.ROOT.resolve("deploy/grafana/dashboards/tradeloop.json"));
        Set<String> names = new TreeSet<>();
        Matcher name = Pattern.compile("\\b(?:tradeloop|kafka)_[a-z_]+").matcher(dashboard);
        while (name.find()) {
            names.add(name.group());
        }
        assertThat(names).hasSizeGreaterThanOrEqualTo(8);
        return names;
    }

    /** The cells of {@code positionId}'s row in the dashboard's table {@code tableId}, or null while there is none. */
    private static List<String> cellsOf(WebDriver page, String tableId, String positionId) {
        return page.findElements(By.cssSelector("#" + tableId + " tr[data-position-id='" + positionId + "']"))
                .stream().findFirst()
                .map(row -> row.findElements(By.tagName("td")).stream().map(WebElement::getText).toList())
                .orElse(null);
    }

    /** Money as the dashboard shows it: $1.2300, -$0.4500. */
    private static String dollars(Money amount) {
        String text = amount.toString();
        return text.startsWith("-") ? "-$" + text.substring(1) : "$" + text;
    }
}
