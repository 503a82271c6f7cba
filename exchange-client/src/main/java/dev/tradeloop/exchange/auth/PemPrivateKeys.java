package dev.tradeloop.exchange.auth;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

/**
 * Reads the unencrypted PEM RSA private key Kalshi hands out, in either form it may take:
 * PKCS#1 ({@code BEGIN RSA PRIVATE KEY}) or PKCS#8 ({@code BEGIN PRIVATE KEY}). No error message
 * ever contains the key's text.
 */
public final class PemPrivateKeys {

    private static final String PKCS1 = "RSA PRIVATE KEY";
    private static final String PKCS8 = "PRIVATE KEY";
    /** AlgorithmIdentifier for rsaEncryption (1.2.840.113549.1.1.1) with NULL parameters. */
    private static final byte[] RSA_ALGORITHM = {
        0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00};

    private PemPrivateKeys() {
    }

    public static PrivateKey read(Path file) {
        String pem;
        try {
            pem = Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new InvalidCredentialsException("cannot read the private key file " + file + ": " + e.getClass().getSimpleName());
        }
        return parse(pem, file.toString());
    }

    /** Parses PEM text; {@code source} names it in errors (a file name, never the text). */
    public static PrivateKey parse(String pem, String source) {
        try {
            if (pem.contains("-----BEGIN " + PKCS1 + "-----")) {
                return rsa(wrapPkcs1(body(pem, PKCS1)));
            }
            if (pem.contains("-----BEGIN " + PKCS8 + "-----")) {
                return rsa(body(pem, PKCS8));
            }
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            throw new InvalidCredentialsException(source + " is not a readable RSA private key (" + e.getClass().getSimpleName() + ")");
        }
        throw new InvalidCredentialsException(source + " holds no unencrypted PEM RSA private key "
                + "(expected BEGIN RSA PRIVATE KEY or BEGIN PRIVATE KEY)");
    }

    private static PrivateKey rsa(byte[] pkcs8) throws GeneralSecurityException {
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
    }

    private static byte[] body(String pem, String label) {
        String begin = "-----BEGIN " + label + "-----";
        String end = "-----END " + label + "-----";
        int from = pem.indexOf(begin) + begin.length();
        int to = pem.indexOf(end, from);
        if (to < 0) {
            throw new IllegalArgumentException("no END line");
        }
        return Base64.getMimeDecoder().decode(pem.substring(from, to));
    }

    /** PKCS#8 PrivateKeyInfo around a PKCS#1 RSAPrivateKey: SEQUENCE { 0, rsaEncryption, OCTET STRING }. */
    private static byte[] wrapPkcs1(byte[] pkcs1) {
        ByteArrayOutputStream info = new ByteArrayOutputStream();
        info.writeBytes(new byte[] {0x02, 0x01, 0x00});
        info.writeBytes(RSA_ALGORITHM);
        info.write(0x04);
        info.writeBytes(derLength(pkcs1.length));
        info.writeBytes(pkcs1);
        byte[] content = info.toByteArray();
        ByteArrayOutputStream sequence = new ByteArrayOutputStream();
        sequence.write(0x30);
        sequence.writeBytes(derLength(content.length));
        sequence.writeBytes(content);
        return sequence.toByteArray();
    }

    private static byte[] derLength(int length) {
        if (length < 0x80) {
            return new byte[] {(byte) length};
        }
        if (length <= 0xff) {
            return new byte[] {(byte) 0x81, (byte) length};
        }
        if (length <= 0xffff) {
            return new byte[] {(byte) 0x82, (byte) (length >> 8), (byte) length};
        }
        return new byte[] {(byte) 0x83, (byte) (length >> 16), (byte) (length >> 8), (byte) length};
    }
}
