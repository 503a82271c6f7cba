package dev.tradeloop.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Deletes the directories a test JVM made for its broker, database and stream state, with all they hold,
 * once what used them has stopped: left behind, a PostgreSQL data directory alone is 80 MB a run.
 */
public final class TempDirectories {

    private TempDirectories() {
    }

    /** Deletes {@code directory} and everything in it; nothing when it is not there. */
    public static void delete(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> all = Files.walk(directory)) {
            for (Path path : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete " + directory, e);
        }
    }
}
