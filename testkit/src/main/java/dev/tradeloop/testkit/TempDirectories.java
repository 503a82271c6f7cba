package dev.tradeloop.testkit;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Deletes the directories a test JVM made for its broker, database and stream state, with all they hold,
 * once what used them has stopped: left behind, a PostgreSQL data directory alone is 80 MB a run. Best
 * effort: a file that goes away meanwhile is no error, and a directory that cannot be deleted is named on
 * standard error, never a test's failure.
 */
public final class TempDirectories {

    private TempDirectories() {
    }

    /** Deletes {@code directory} and everything in it; nothing when it is not there. */
    public static void delete(Path directory) {
        try {
            Files.walkFileTree(directory, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                    if (e instanceof NoSuchFileException) {
                        return FileVisitResult.CONTINUE;
                    }
                    throw e;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                    if (e != null && !(e instanceof NoSuchFileException)) {
                        throw e;
                    }
                    Files.deleteIfExists(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (NoSuchFileException gone) {
            // not there, or gone meanwhile: nothing to delete
        } catch (IOException e) {
            System.err.println("could not delete the test directory " + directory + ": " + e);
        }
    }
}
