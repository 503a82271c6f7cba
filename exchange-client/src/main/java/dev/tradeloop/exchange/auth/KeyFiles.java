package dev.tradeloop.exchange.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.UUID;

/**
 * Makes a new API key for a paper exchange: an RSA key pair, the private half written where the
 * trader signs from (owner-readable only), the public half as {@code <key-id>.pub.pem} in the
 * directory the simulator registers accounts from.
 */
public final class KeyFiles {

    private KeyFiles() {
    }

    /** Writes a new key pair and returns its key id. */
    public static String newPaperKey(Path privateKeyFile, Path publicKeysDirectory) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            String keyId = UUID.randomUUID().toString();
            Files.createDirectories(publicKeysDirectory);
            Files.createDirectories(privateKeyFile.toAbsolutePath().getParent());
            Files.writeString(privateKeyFile, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
            Files.setPosixFilePermissions(privateKeyFile, PosixFilePermissions.fromString("rw-------"));
            Files.writeString(publicKeysDirectory.resolve(keyId + ".pub.pem"),
                    pem("PUBLIC KEY", pair.getPublic().getEncoded()));
            return keyId;
        } catch (IOException e) {
            throw new UncheckedIOException("could not write a paper key to " + privateKeyFile, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no RSA", e);
        }
    }

    private static String pem(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + label + "-----\n";
    }
}
