package dev.tradeloop.sim.client;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tradeloop.exchange.cli.ExchangeCommand;
import dev.tradeloop.sim.SimMarkets;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code ./tradeloop exchange} against the simulator over real HTTP. */
@QuarkusTest
class ExchangeCommandTest {

    @TestHTTPResource("/trade-api/v2")
    URI base;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return new ExchangeCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of()).run(args);
    }

    private String[] withBase(String... args) {
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--base-url";
        all[args.length + 1] = base.toString();
        return all;
    }


    @Test
    void markets_prints_every_market_a_line_each() {
        String ticker = SimMarkets.list("KXCMD");

        int exit = run(withBase("markets", "--status", "open"));

        assertThat(exit).isZero();
        assertThat(out.toString()).contains("TICKER").containsPattern(ticker + "\\s+active\\s+0\\.0000\\s+1\\.0000");
    }

    @Test
    void market_prints_one_market_in_full() {
        String ticker = SimMarkets.list("KXCMD");

        assertThat(run(withBase("market", ticker))).isZero();
        assertThat(out.toString()).contains(ticker + "  (active)  Test KXCMD").contains("event:    KXCMD");
    }

    @Test
    void check_says_what_a_read_only_call_can_before_any_trading() {
        String ticker = dev.tradeloop.sim.SimMarkets.list("KXCHECK", "tapered_deci_cent", 2);

        int exit = run(withBase("check", "--series", "KXCHECK", "--key-id", "11111111-1111-4111-8111-111111111111",
                "--key-file", "src/test/resources/private/maker.key.pem"));

        assertThat(exit).isZero();
        assertThat(out.toString())
                .contains("credentials: accepted")
                .contains("tier:        premier: reads 1000 tokens/s (bucket 1000), writes 1000 tokens/s (bucket 2000)")
                .contains("exchange shard 2: $")
                .contains("series KXCHECK: 1 open market(s)")
                .contains(ticker + "  shard 2  tapered_deci_cent  cash on its shard $");
        assertThat(run(withBase("check"))).isEqualTo(1);
    }

    @Test
    void balance_signs_with_the_given_key() {
        int exit = run(withBase("balance", "--key-id", "11111111-1111-4111-8111-111111111111",
                "--key-file", "src/test/resources/private/maker.key.pem"));

        assertThat(exit).isZero();
        assertThat(out.toString()).matches("balance: \\$\\d+\\.\\d{4,6}\\R(  exchange shard \\d+: \\$\\d+\\.\\d{4,6}\\R)+");
        assertThat(out.toString()).contains("exchange shard 2: $2000.0000");
    }

    @Test
    void an_account_command_without_credentials_says_what_is_missing() {
        assertThat(run(withBase("balance"))).isEqualTo(1);
        assertThat(err.toString()).contains("'balance' needs credentials").contains("KALSHI_API_KEY_ID");
    }

    @Test
    void a_missing_ticker_or_an_unknown_market_is_a_clear_error() {
        assertThat(run(withBase("orderbook"))).isEqualTo(2);
        assertThat(err.toString()).contains("'orderbook' needs a TICKER");
        err.reset();
        assertThat(run(withBase("market", "KX-NOPE"))).isEqualTo(1);
        assertThat(err.toString()).contains("404").contains("market KX-NOPE not found");
    }

    private static final String[] TRADER = {"--key-id", "22222222-2222-4222-8222-222222222222",
            "--key-file", "src/test/resources/private/trader.key.pem"};

    private String[] asTrader(String... args) {
        String[] all = java.util.Arrays.copyOf(args, args.length + TRADER.length);
        System.arraycopy(TRADER, 0, all, args.length, TRADER.length);
        return withBase(all);
    }

    @Test
    void probe_learns_what_the_specification_leaves_open_and_leaves_no_order_resting() {
        String ticker = SimMarkets.list("KXPROBE", "deci_cent", 2);

        int exit = run(asTrader("probe", "--series", "KXPROBE"));

        assertThat(exit).as(err.toString()).isZero();
        String printed = out.toString();
        // the simulator's choices, each the stricter reading of the specification (docs/KALSHI.md)
        assertThat(printed).contains("on " + ticker + ", shard 2")
                .containsPattern("a post-only bid of 1 at 0\\.0010 rests:\\s+yes, order ")
                .containsPattern("GET /portfolio/orders/\\{id\\} finds an order on shard 2:\\s+refused, .*404")
                .containsPattern("the feed's ok answer carries seq:\\s+yes, seq \\d+")
                .containsPattern("reduce_only on a resting \\(good-till-canceled\\) sale:\\s+refused, ")
                .containsPattern("a cancel without market_ticker of an order on shard 2:\\s+refused, .*404")
                .contains("cancelled order ");
        assertThat(run(asTrader("orders"))).isZero();
        assertThat(out.toString().lines().filter(line -> line.contains(ticker) && line.contains("resting"))).isEmpty();
    }

    @Test
    void probe_is_refused_on_production_even_when_confirmed() {
        int exit = new ExchangeCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of()).run(new String[] {"probe", "--env", "prod",
                        "--i-mean-production", "--market", "KXANY", "--key-id", TRADER[1], "--key-file", TRADER[3]});

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("probe places orders").contains("never on production");
    }
}
