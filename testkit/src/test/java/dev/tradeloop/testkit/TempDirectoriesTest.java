package dev.tradeloop.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class TempDirectoriesTest {

    @Test
    void a_directory_is_deleted_with_all_it_holds_and_one_not_there_is_no_error() throws Exception {
        Path top = Files.createTempDirectory("tradeloop-temp-test");
        Files.createDirectories(top.resolve("a/b"));
        Files.writeString(top.resolve("a/b/segment.log"), "data");
        Files.writeString(top.resolve("top.txt"), "data");

        TempDirectories.delete(top);

        assertThat(top).doesNotExist();
        TempDirectories.delete(top);
        assertThat(top).doesNotExist();
    }
}
