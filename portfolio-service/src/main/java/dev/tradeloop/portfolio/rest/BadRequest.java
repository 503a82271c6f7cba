package dev.tradeloop.portfolio.rest;

/** A request the API cannot answer as asked; the message says what is wrong and is sent back with a 400. */
public class BadRequest extends RuntimeException {

    public BadRequest(String message) {
        super(message);
    }
}
