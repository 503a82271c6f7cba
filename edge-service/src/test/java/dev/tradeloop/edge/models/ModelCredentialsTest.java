package dev.tradeloop.edge.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The file of model credentials: hashes only, read again when it changes, so a revoked model stops at once. */
class ModelCredentialsTest {

    @TempDir
    Path directory;

    private static String line(String model, String secret) {
        return model + " sha256:" + HexFormat.of().formatHex(ModelCredentials.sha256(secret)) + "\n";
    }

    private void write(Path file, String text, long second) throws IOException {
        Files.writeString(file, text);
        Files.setLastModifiedTime(file, FileTime.from(Instant.ofEpochSecond(second)));
    }

    @Test
    void a_model_added_posts_and_once_revoked_does_not() throws IOException {
        Path file = directory.resolve("models");
        ModelCredentials credentials = new ModelCredentials(file);
        assertThat(credentials.authenticate("alpha:s3cret")).isEmpty(); // no file yet: nobody

        write(file, "# models\n" + line("alpha", "s3cret") + line("beta", "other"), 1_000);
        assertThat(credentials.authenticate("alpha:s3cret")).contains("alpha");
        assertThat(credentials.authenticate("beta:other")).contains("beta");
        assertThat(credentials.authenticate("alpha:other")).isEmpty();
        assertThat(credentials.authenticate("gamma:s3cret")).isEmpty();
        assertThat(credentials.authenticate(null)).isEmpty();
        assertThat(credentials.registered()).isEqualTo(2);
        assertThat(Files.readString(file)).doesNotContain("s3cret");

        write(file, line("beta", "other"), 2_000);
        assertThat(credentials.authenticate("alpha:s3cret")).isEmpty();
        assertThat(credentials.authenticate("beta:other")).contains("beta");
    }

    @Test
    void a_model_id_may_hold_colons_and_the_secret_is_what_follows_the_last() throws IOException {
        Path file = directory.resolve("models");
        write(file, line("team:alpha", "s3cret"), 1_000);
        assertThat(new ModelCredentials(file).authenticate("team:alpha:s3cret")).contains("team:alpha");
    }

    @Test
    void a_malformed_file_is_refused_naming_the_line() throws IOException {
        Path file = directory.resolve("models");
        write(file, line("alpha", "s3cret") + "beta plaintext-secret\n", 1_000);
        assertThatThrownBy(() -> new ModelCredentials(file)).hasMessageContaining("line 2");
    }
}
