package dev.tradeloop.exchange.rest;

import java.util.Optional;

/**
 * Every way a call to the exchange can fail, as a type the caller can act on. Only
 * {@link Transient} failures are retried by the client; {@link UnknownOutcome} is never a
 * rejection: the order may exist, so the caller must look it up by client order id first.
 */
public abstract sealed class ExchangeException extends RuntimeException {

    private final int status;
    private final Optional<String> code;

    ExchangeException(int status, Optional<String> code, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.code = code;
    }

    /** The HTTP status, or 0 when no answer came. */
    public int status() {
        return status;
    }

    /** Kalshi's error code ({@code invalid_price}, {@code available_balance_too_low}...), when it sent one. */
    public Optional<String> code() {
        return code;
    }

    /** 400 and other 4xx not listed below: the request is wrong; retrying it cannot help. */
    public static final class Rejected extends ExchangeException {
        public Rejected(int status, Optional<String> code, String message) {
            super(status, code, message, null);
        }
    }

    /** 401: the key id, timestamp or signature was refused. */
    public static final class Unauthorized extends ExchangeException {
        public Unauthorized(Optional<String> code, String message) {
            super(401, code, message, null);
        }
    }

    /** 404: no such market, order or path. */
    public static final class NotFound extends ExchangeException {
        public NotFound(Optional<String> code, String message) {
            super(404, code, message, null);
        }
    }

    /** 409: a conflict, such as a client order id that an open order already uses. */
    public static final class Conflict extends ExchangeException {
        public Conflict(Optional<String> code, String message) {
            super(409, code, message, null);
        }
    }

    /** 429, 5xx or a connection that could not be made: worth retrying with backoff; thrown when retries ran out. */
    public static final class Transient extends ExchangeException {
        public Transient(int status, Optional<String> code, String message, Throwable cause) {
            super(status, code, message, cause);
        }
    }

    /**
     * The request may or may not have been carried out: a timeout, a connection lost after
     * sending, or a server error on a call that changes state.
     */
    public static final class UnknownOutcome extends ExchangeException {
        public UnknownOutcome(int status, String message, Throwable cause) {
            super(status, Optional.empty(), message, cause);
        }
    }
}
