package dev.tradeloop.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import dev.tradeloop.events.Topics;
import dev.tradeloop.events.money.Contracts;
import dev.tradeloop.events.money.Money;
import dev.tradeloop.testkit.ServiceProcess;
import dev.tradeloop.testkit.TestKafka;
import dev.tradeloop.testkit.TopicReader;
import dev.tradeloop.testkit.TradeloopInfrastructure;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The money proof: the whole loop across processes, on a real broker, a real PostgreSQL and the
 * simulator, trading from an account of its own. A prediction becomes an edge, an approval and an entry
 * fill; the market falls, the monitor triggers a stop-loss exit, exit-service sells at market, and the
 * monitor closes the position. Its realized P&amp;L, fees included, is what the account's balance moved,
 * to the cent. No browser is needed: {@link DashboardFollowsTheLoopTest} watches the same story on the
 * dashboard.
 */
@ExtendWith(TradeloopInfrastructure.class)
class WholeLoopEndToEndTest {

    private static final Duration DEADLINE = Duration.ofSeconds(90);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void prediction_to_entry_to_stop_loss_exit_and_the_realized_pnl_is_the_balance_change() throws IOException {
        TestKafka kafka = TestKafka.get();
        StopLossTrade trade = new StopLossTrade();
        String market = trade.market;
        try (StopLossTrade.Loop loop = trade.startLoop("whole_loop");
                TopicReader<ApprovedTrade> approvals = kafka.reader(Topics.APPROVED_TRADES);
                TopicReader<PositionEvent> positions = kafka.reader(Topics.POSITION_EVENTS);
                TopicReader<ExitTrigger> triggers = kafka.reader(Topics.EXIT_TRIGGERS);
                TopicReader<Fill> fills = kafka.reader(Topics.FILLS)) {

            // A model says YES is 64 % likely: the edge is approved and bought at the 0.57 ask.
            trade.predict(loop.edge());
            ApprovedTrade approved = approvals.await(t -> t.marketTicker().equals(market), DEADLINE);
            String position = approved.positionId();
            PositionOpened opened = (PositionOpened) positions.await(e -> e.positionId().equals(position)
                    && e instanceof PositionOpened, DEADLINE);
            assertThat(opened.count()).isEqualTo(approved.contracts());
            assertThat(opened.costBasis()).isEqualTo(StopLossTrade.ENTRY.times(approved.contracts()));

            trade.marketFalls();

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
            assertThat(exitFills).allMatch(f -> f.price().equals(StopLossTrade.FALLEN_BID) && f.action() == Action.SELL);
            assertThat(exitFills.stream().map(Fill::count).reduce(Contracts.ZERO, Contracts::plus))
                    .isEqualTo(approved.contracts());

            // The realized P&L, entry and exit fees included, is exactly what the balance moved,
            Money after = trade.balanceNow();
            assertThat(after.minus(trade.balanceBefore)).isEqualTo(closed.realizedPnl());
            Money byHand = StopLossTrade.FALLEN_BID.times(approved.contracts())
                    .minus(StopLossTrade.ENTRY.times(approved.contracts())).minus(closed.totalFees());
            assertThat(closed.realizedPnl()).isEqualTo(byHand);
            // and the read side shows the same figure.
            JsonNode shown = JSON.readTree(loop.portfolio().awaitGet("/positions/" + position, response ->
                    response.statusCode() == 200 && response.body().contains("\"CLOSED\""), DEADLINE).body());
            assertThat(Money.parse(shown.at("/position/realizedPnl").asText())).isEqualTo(closed.realizedPnl());

            // One grep follows the trade: the lines logged while working it carry its correlation id;
            String correlation = "correlationId=" + approved.correlationId();
            assertThat(loop.order().log().lines().filter(line -> line.contains("entry " + position + " ended FILLED")))
                    .singleElement().asString().contains(correlation);
            String exitEnded = "exit " + position + " CRITICAL STOP_LOSS ended";
            assertThat(loop.exit().log().lines().filter(line -> line.contains(exitEnded)))
                    .singleElement().asString().contains(correlation);

            // Every metric the Grafana dashboard charts is served, and the counters saw this trade.
            StringBuilder metrics = new StringBuilder();
            for (ServiceProcess service : List.of(loop.edge(), loop.risk(), loop.order(), loop.monitor(), loop.exit(),
                    loop.portfolio())) {
                metrics.append(service.get("/q/metrics").body()).append('\n');
            }
            assertThat(metrics.toString()).contains(dashboardMetrics().toArray(String[]::new));
            // (a counter with labels appears once it has counted; the latency histogram is there from the start)
            assertThat(metrics.toString()).contains("tradeloop_exit_triggers_total{priority=\"CRITICAL\",reason=\"STOP_LOSS\"}",
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
}
