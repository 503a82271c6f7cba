package dev.tradeloop.sim.exchange;

/**
 * The simulated exchange refused a request, with the HTTP status and error code Kalshi would send
 * ({@code invalid_order}, {@code available_balance_too_low}, {@code MARKET_INACTIVE}...).
 */
public class ExchangeRejection extends RuntimeException {

    private final int status;
    private final String code;

    public ExchangeRejection(int status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    public static ExchangeRejection invalid(String code, String message) {
        return new ExchangeRejection(400, code, message);
    }

    public static ExchangeRejection notFound(String message) {
        return new ExchangeRejection(404, "not_found", message);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }
}
