package dev.tradeloop.stack;

import dev.tradeloop.exchange.auth.KeyFiles;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Makes the local stack's paper-trading API key once: an RSA key pair whose public half the
 * simulator registers ({@code sim-keys/<key-id>.pub.pem}) and whose private half the services and
 * {@code ./tradeloop exchange} sign with ({@code paper.key.pem}, {@code paper.key-id}). An existing
 * key is kept.
 *
 * <p>Usage: {@code PaperKey <directory>}
 */
public final class PaperKey {

    private PaperKey() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: PaperKey <directory>");
        }
        Path directory = Path.of(args[0]).toAbsolutePath();
        Path keyIdFile = directory.resolve("paper.key-id");
        if (Files.exists(keyIdFile)) {
            return;
        }
        String keyId = KeyFiles.newPaperKey(directory.resolve("paper.key.pem"), directory.resolve("sim-keys"));
        Files.writeString(keyIdFile, keyId + "\n");
        System.out.println("made the paper-trading key " + keyId);
    }
}
