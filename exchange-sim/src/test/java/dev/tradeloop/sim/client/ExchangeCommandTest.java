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
}
