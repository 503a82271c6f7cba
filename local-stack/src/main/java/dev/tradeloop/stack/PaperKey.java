package dev.tradeloop.stack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.UUID;

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
        Files.createDirectories(directory.resolve("sim-keys"));
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        String keyId = UUID.randomUUID().toString();
        Path privateKey = directory.resolve("paper.key.pem");
        Files.writeString(privateKey, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
        Files.setPosixFilePermissions(privateKey, PosixFilePermissions.fromString("rw-------"));
        Files.writeString(directory.resolve("sim-keys").resolve(keyId + ".pub.pem"),
                pem("PUBLIC KEY", pair.getPublic().getEncoded()));
        Files.writeString(keyIdFile, keyId + "\n");
        System.out.println("made the paper-trading key " + keyId);
    }

    private static String pem(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + label + "-----\n";
    }
}
