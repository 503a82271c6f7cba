package dev.tradeloop.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradeloop.events.Action;
import dev.tradeloop.events.BreakerName;
import dev.tradeloop.events.BreakerState;
import dev.tradeloop.events.Fill;
import dev.tradeloop.events.MethodRef;
import dev.tradeloop.events.OrderPurpose;
import dev.tradeloop.events.PositionClosed;
import dev.tradeloop.events.Side;
import dev.tradeloop.events.Topics;
import dev.tradeloop.events.TradingMode;
import dev.tradeloop.events.TradingState;
import dev.tradeloop.events.json.EventCodec;
import dev.tradeloop.events.money.Contracts;
import dev.tradeloop.events.money.Money;
import dev.tradeloop.events.money.Price;
import dev.tradeloop.testkit.ServiceProcess;
import dev.tradeloop.testkit.TestKafka;
import dev.tradeloop.testkit.TradeloopInfrastructure;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The daily-loss breaker trips when the day's loss passes $500, stays open across a SIGKILL and a
 * restart (it lives in PostgreSQL, not in memory), and closes only when an operator resets it with
 * the token; the reset, which accepts the day's loss, survives a restart too.
 */
@ExtendWith(TradeloopInfrastructure.class)
class DailyLossBreakerTest {

    private static final Duration DEADLINE = Duration.ofSeconds(60);
    private final EventCodec<TradingState> codec = Topics.TRADING_STATE.codec();

    @Test
    void a_tripped_daily_loss_breaker_survives_a_restart_until_an_operator_resets_it() throws Exception {
        TestKafka kafka = TestKafka.get();
        Stack stack = new Stack("daily_loss");
        loss(kafka, "pos-" + UUID.randomUUID(), "-622.40");

        try {
            tripRestartReset(stack);
        } finally {
            // the tests of this JVM share one broker, one account's log: take the loss back out of the day
            loss(kafka, "pos-" + UUID.randomUUID(), "622.40");
        }
    }

    private void tripRestartReset(Stack stack) throws Exception {
        Instant trippedAt;
        ServiceProcess risk = stack.start("risk-service");
        try {
            TradingState tripped = awaitState(risk, s -> open(s, BreakerName.DAILY_LOSS));
            assertThat(tripped.mode()).isEqualTo(TradingMode.REDUCE_ONLY);
            assertThat(tripped.flattenAll()).isTrue();
            trippedAt = breaker(tripped, BreakerName.DAILY_LOSS).trippedAt().orElseThrow();
            // the tests of this JVM share one account's log: other positions may add to the day's P&L
            assertThat(breaker(tripped, BreakerName.DAILY_LOSS).reason().orElseThrow())
                    .startsWith("the day's loss ").endsWith(" is past the limit 500.0000");
        } finally {
            risk.kill();
        }

        risk = stack.start("risk-service");
        try {
            // read back from PostgreSQL at start: the same trip, not a new one
            TradingState restarted = codec.decode(risk.get("/risk/state").body().getBytes(StandardCharsets.UTF_8));
            assertThat(breaker(restarted, BreakerName.DAILY_LOSS).trippedAt()).contains(trippedAt);
            assertThat(restarted.mode()).isEqualTo(TradingMode.REDUCE_ONLY);

            assertThat(post(risk, "/risk/breakers/DAILY_LOSS/reset", Map.of()).statusCode()).isEqualTo(401);
            assertThat(open(codec.decode(risk.get("/risk/state").body().getBytes(StandardCharsets.UTF_8)),
                    BreakerName.DAILY_LOSS)).isTrue();

            HttpResponse<String> reset = post(risk, "/risk/breakers/DAILY_LOSS/reset",
                    Map.of("X-Operator-Token", Stack.OPERATOR_TOKEN, "X-Operator", "system-test"));
            assertThat(reset.statusCode()).isEqualTo(200);
            assertThat(codec.decode(reset.body().getBytes(StandardCharsets.UTF_8)).mode()).isEqualTo(TradingMode.ACTIVE);
        } finally {
            risk.kill();
        }

        risk = stack.start("risk-service");
        try {
            // the loss is still on the log, but it was accepted: once the checks have run, still ACTIVE
            Instant started = Instant.now();
            risk.awaitGet("/risk/portfolio", answer -> field(answer.body(), "dayPnl")
                    .map(pnl -> new java.math.BigDecimal(pnl).compareTo(new java.math.BigDecimal("-622.40")) <= 0)
                    .orElse(false) && checkedAfter(answer.body(), started), DEADLINE);
            TradingState afterChecks = codec.decode(risk.get("/risk/state").body().getBytes(StandardCharsets.UTF_8));
            assertThat(afterChecks.mode()).isEqualTo(TradingMode.ACTIVE);
            assertThat(open(afterChecks, BreakerName.DAILY_LOSS)).isFalse();
        } finally {
            risk.stop();
        }
    }

    /** A position bought and closed today with {@code realized} P&L, as the monitor would report it. */
    private static void loss(TestKafka kafka, String position, String realized) {
        Instant now = Instant.now();
        MethodRef method = new MethodRef("kelly-quarter", 1);
        kafka.produce(Topics.FILLS, position, new Fill(UUID.randomUUID(), now, "loss", position, "t-" + position,
                "o-1", position + "-1", "KXLOSS", "KXLOSS-EV", OrderPurpose.ENTRY, Side.YES, Action.BUY,
                Contracts.whole(1000), Price.parse("0.80"), Money.parse("11.20"), true, now, Optional.empty(), method));
        kafka.produce(Topics.POSITION_EVENTS, position, new PositionClosed(UUID.randomUUID(), now, "loss", position,
                "KXLOSS", Contracts.whole(1000), Price.parse("0.20"), Money.parse("11.20"), Money.parse(realized),
                Money.parse("22.40"), Optional.empty(), "t2-" + position));
    }

    private static boolean checkedAfter(String portfolio, Instant started) {
        return field(portfolio, "lastCheck").filter(value -> !value.equals("not yet"))
                .map(value -> Instant.parse(value).isAfter(started.plusSeconds(1))).orElse(false);
    }

    /** A string field of the portfolio's JSON answer. */
    private static Optional<String> field(String json, String name) {
        String start = "\"" + name + "\":\"";
        int at = json.indexOf(start);
        return at < 0 ? Optional.empty()
                : Optional.of(json.substring(at + start.length(), json.indexOf('"', at + start.length())));
    }

    private TradingState awaitState(ServiceProcess risk, java.util.function.Predicate<TradingState> matching) {
        String body = risk.awaitGet("/risk/state", answer -> answer.statusCode() == 200
                && matching.test(codec.decode(answer.body().getBytes(StandardCharsets.UTF_8))), DEADLINE).body();
        return codec.decode(body.getBytes(StandardCharsets.UTF_8));
    }

    private static boolean open(TradingState state, BreakerName name) {
        return breaker(state, name).open();
    }

    private static BreakerState breaker(TradingState state, BreakerName name) {
        return state.breakers().stream().filter(b -> b.name() == name).findFirst().orElseThrow();
    }

    private static HttpResponse<String> post(ServiceProcess service, String path, Map<String, String> headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(service.uri(path)).POST(HttpRequest.BodyPublishers.noBody());
        headers.forEach(request::header);
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
