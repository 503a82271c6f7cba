package dev.tradeloop.edge.models;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/**
 * Which models may post predictions, and the hash of each one's secret: a file of lines
 * {@code MODEL-ID sha256:HEX} ({@code ./tradeloop model add|revoke} writes it; in Kubernetes, a Secret).
 * A model presents {@code MODEL-ID:SECRET}; the SHA-256 of the secret is compared with the kept hash
 * in constant time (secrets are 32 random bytes, so a fast hash is enough). The file is read again
 * when it changes, so an added or revoked model counts from its next request.
 */
public final class ModelCredentials {

    private static final String PREFIX = "sha256:";
    /** Compared against when the model id is unknown, so an unknown id takes as long as a wrong secret. */
    private static final byte[] NOBODY = new byte[32];

    private final Path file;
    private Map<String, byte[]> hashes = Map.of();
    private FileTime readAt;

    public ModelCredentials(Path file) {
        this.file = file;
        reloadIfChanged();
    }

    /**
     * The model a credential ({@code MODEL-ID:SECRET}) proves, or empty for a missing, malformed,
     * unknown or wrong one.
     */
    public synchronized Optional<String> authenticate(String credential) {
        reloadIfChanged();
        if (credential == null) {
            return Optional.empty();
        }
        int colon = credential.lastIndexOf(':');
        if (colon <= 0 || colon == credential.length() - 1) {
            return Optional.empty();
        }
        String modelId = credential.substring(0, colon);
        byte[] presented = sha256(credential.substring(colon + 1));
        byte[] kept = hashes.getOrDefault(modelId, NOBODY);
        boolean matches = MessageDigest.isEqual(presented, kept) && kept != NOBODY;
        return matches ? Optional.of(modelId) : Optional.empty();
    }

    /** How many models may post now. */
    public synchronized int registered() {
        reloadIfChanged();
        return hashes.size();
    }

    private void reloadIfChanged() {
        try {
            FileTime modified = Files.getLastModifiedTime(file);
            if (modified.equals(readAt)) {
                return;
            }
            hashes = parse(Files.readString(file));
            readAt = modified;
        } catch (NoSuchFileException e) {
            hashes = Map.of();
            readAt = null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the model credentials in " + file, e);
        }
    }

    /** The lines {@code MODEL-ID sha256:HEX}; blank lines and {@code #} comments are skipped. */
    static Map<String, byte[]> parse(String text) {
        Map<String, byte[]> parsed = new HashMap<>();
        int number = 0;
        for (String line : text.split("\n")) {
            number++;
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            String[] fields = trimmed.split("\\s+");
            if (fields.length != 2 || !fields[1].startsWith(PREFIX) || fields[1].length() != PREFIX.length() + 64) {
                throw new IllegalStateException("line " + number + " of the model credentials is not "
                        + "'MODEL-ID sha256:<64 hex digits>'");
            }
            parsed.put(fields[0], HexFormat.of().parseHex(fields[1].substring(PREFIX.length())));
        }
        return Map.copyOf(parsed);
    }

    static byte[] sha256(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
