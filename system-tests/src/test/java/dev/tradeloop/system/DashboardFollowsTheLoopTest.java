package dev.tradeloop.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradeloop.events.ApprovedTrade;
import dev.tradeloop.events.PositionClosed;
import dev.tradeloop.events.PositionEvent;
import dev.tradeloop.events.Topics;
import dev.tradeloop.events.money.Money;
import dev.tradeloop.testkit.TestKafka;
import dev.tradeloop.testkit.TopicReader;
import dev.tradeloop.testkit.TradeloopInfrastructure;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * The dashboard, in a real headless Chromium, follows the whole loop's stop-loss story (the one
 * {@link WholeLoopEndToEndTest} proves to the cent): the position shown open, then closed with its
 * reason and P&amp;L and its exit in the live log, without the page being reloaded. Without Chromium
 * or its driver it fails at once, naming the package to install, before any service is started.
 */
@ExtendWith(TradeloopInfrastructure.class)
class DashboardFollowsTheLoopTest {

    private static final Duration DEADLINE = Duration.ofSeconds(90);

    @BeforeAll
    static void theBrowserIsInstalled() {
        Browser.requireInstalled();
    }

    @Test
    void the_dashboard_shows_the_position_open_then_closed_by_its_stop_loss_without_a_reload() throws IOException {
        StopLossTrade trade = new StopLossTrade();
        try (StopLossTrade.Loop loop = trade.startLoop("dashboard_loop");
                Browser browser = Browser.open(Files.createTempDirectory("chromium-profile"));
                TopicReader<ApprovedTrade> approvals = TestKafka.get().reader(Topics.APPROVED_TRADES);
                TopicReader<PositionEvent> positions = TestKafka.get().reader(Topics.POSITION_EVENTS)) {

            trade.predict(loop.edge());
            ApprovedTrade approved = approvals.await(t -> t.marketTicker().equals(trade.market), DEADLINE);
            String position = approved.positionId();

            // The dashboard shows the open position;
            browser.driver.get(loop.portfolio().uri("/").toString());
            List<String> open = browser.await(DEADLINE, page -> cellsOf(page, "open-positions", position));
            assertThat(open.get(2)).isEqualTo(approved.contracts().toString());
            ((JavascriptExecutor) browser.driver).executeScript("window.samePage = 'not reloaded';");

            trade.marketFalls();
            PositionClosed closed = (PositionClosed) positions.await(e -> e.positionId().equals(position)
                    && e instanceof PositionClosed, DEADLINE);

            // it moves the position to the closed ones by itself, with the exit's reason and P&L;
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

            // and its operator actions reach risk-service, which refuses them without the token.
            HttpResponse<String> refused = loop.portfolio().post("/operator/kill-switch",
                    "{\"action\":\"HALT\",\"reason\":\"test\"}");
            assertThat(refused.statusCode()).isEqualTo(401);
            assertThat(refused.body()).contains("the operator token is missing");
        }
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
