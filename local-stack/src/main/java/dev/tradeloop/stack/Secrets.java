package dev.tradeloop.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The local stack's generated passwords: one file each, readable by its owner only, made on first
 * use with 32 random bytes and read as they are afterwards. Nothing in the stack has a default.
 */
public final class Secrets {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path directory;

    public Secrets(Path directory) {
        this.directory = directory;
    }

    /** The password kept as {@code <name>.password}, made now if there is none yet. */
    public String password(String name) {
        Path file = directory.resolve(name + ".password");
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(directory);
                Path fresh = Files.createTempFile(directory, name, ".new",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                Files.writeString(fresh, newPassword() + "\n");
                Files.move(fresh, file);
            }
            String password = Files.readString(file).strip();
            if (password.isEmpty()) {
                throw new IllegalStateException(file + " is empty; delete it and a new password is made");
            }
            return password;
        } catch (IOException e) {
            throw new UncheckedIOException("could not read or make the password " + file, e);
        }
    }

    /** 32 random bytes as hex: no character that a JAAS line or a connection string would need to escape. */
    public static String newPassword() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
