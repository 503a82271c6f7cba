package dev.tradeloop.exchange.auth;

/** Credentials are missing or unreadable; the message names the source, never the secret. */
public class InvalidCredentialsException extends RuntimeException {

    public InvalidCredentialsException(String message) {
        super(message);
    }
}
