package dev.tradeloop.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./tradeloop up --exchange demo|prod} refuses, before anything starts, what would trade on
 * an account nobody named or with real money nobody confirmed; the refusal says what is missing and
 * nothing is remembered.
 */
class TradeloopExchangeChoiceTest {

    @TempDir
    Path home;

    private record Run(int exitCode, String printed) {
    }

    private Run tradeloop(String... args) throws IOException, InterruptedException {
        ProcessBuilder command = new ProcessBuilder(Stack.ROOT.resolve("tradeloop").toString());
        command.command().addAll(List.of(args));
        command.environment().put("TRADELOOP_HOME", home.toString());
        command.environment().remove("KALSHI_API_KEY_ID");
        command.environment().remove("KALSHI_PRIVATE_KEY_PATH");
        Process process = command.redirectErrorStream(true).start();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("./tradeloop ended").isTrue();
        return new Run(process.exitValue(), new String(process.getInputStream().readAllBytes()));
    }

    private Path keyFile() throws IOException {
        Path key = home.resolve("demo.key.pem");
        Files.writeString(key, "-----BEGIN PRIVATE KEY-----\n-----END PRIVATE KEY-----\n");
        return key;
    }

    @Test
    void production_needs_its_confirmation_every_time() throws Exception {
        Run run = tradeloop("up", "--exchange", "prod", "--key-id", "k-1", "--key-file", keyFile().toString(),
                "--series", "KXHIGHNY");

        assertThat(run.exitCode()).isNotZero();
        assertThat(run.printed()).contains("--i-mean-production");
        assertThat(home.resolve("exchange")).doesNotExist();
        assertThat(home.resolve("pids")).doesNotExist();
    }

    @Test
    void demo_needs_a_key_a_readable_key_file_and_the_series_to_watch() throws Exception {
        assertThat(tradeloop("up", "--exchange", "demo").printed()).contains("--key-id ID (or KALSHI_API_KEY_ID)");
        assertThat(tradeloop("up", "--exchange", "demo", "--key-id", "k-1", "--key-file", "/no/such.pem").printed())
                .contains("--key-file /no/such.pem cannot be read");
        assertThat(tradeloop("up", "--exchange", "demo", "--key-id", "k-1", "--key-file", keyFile().toString())
                .printed()).contains("needs the series to watch");
        assertThat(tradeloop("up", "--exchange", "demo", "--key-id", "k-1", "--key-file", keyFile().toString(),
                "--series", "KX;rm -rf").printed()).contains("--series takes series tickers");
        assertThat(tradeloop("up", "--exchange", "paper").printed()).contains("--exchange takes sim, demo or prod");
        assertThat(home.resolve("exchange")).doesNotExist();
        assertThat(home.resolve("pids")).doesNotExist();
    }
}
