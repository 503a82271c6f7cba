package dev.tradeloop.rules;

/** A method file that cannot be used; the message names the method, its version and the key. */
public class InvalidMethodException extends RuntimeException {

    public InvalidMethodException(String message) {
        super(message);
    }
}
