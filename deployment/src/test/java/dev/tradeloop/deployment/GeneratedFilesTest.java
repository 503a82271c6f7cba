package dev.tradeloop.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The files made from the topic catalog and the methods are as the build makes them now; with
 * {@code -Dtradeloop.regenerate=true} this writes them first (see {@link GeneratedFiles#REGENERATE}).
 */
class GeneratedFilesTest {

    @Test
    void every_generated_file_is_what_the_build_makes_of_the_catalog_and_the_methods() throws IOException {
        for (Map.Entry<Path, String> file : GeneratedFiles.all(Project.ROOT).entrySet()) {
            Path path = Project.ROOT.resolve(file.getKey());
            if (Boolean.getBoolean("tradeloop.regenerate")) {
                Files.createDirectories(path.getParent());
                Files.writeString(path, file.getValue());
            }
            assertThat(Files.exists(path) ? Files.readString(path) : "(missing)")
                    .as(file.getKey() + " is not what the build makes; make it again with " + GeneratedFiles.REGENERATE)
                    .isEqualTo(file.getValue());
        }
    }
}
