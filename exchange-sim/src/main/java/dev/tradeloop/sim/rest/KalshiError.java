package dev.tradeloop.sim.rest;

/** Kalshi's error body: {@code {"error": {"code": ..., "message": ..., "details": ...}}}. */
public record KalshiError(Body error) {

    public static KalshiError of(String code, String message) {
        return new KalshiError(new Body(code, message, ""));
    }

    /** The error itself. */
    public record Body(String code, String message, String details) {
    }
}
