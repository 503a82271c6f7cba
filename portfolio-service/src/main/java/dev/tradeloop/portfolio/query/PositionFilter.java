package dev.tradeloop.portfolio.query;

import java.time.LocalDate;
import java.util.Optional;

/** Which positions to list: by state, market, method, and the UTC days they were opened on (both included). */
public record PositionFilter(
        Status status,
        Optional<String> marketTicker,
        Optional<String> methodId,
        Optional<LocalDate> from,
        Optional<LocalDate> to) {

    /** OPEN: held now; CLOSED: sold or settled; ALL: either. */
    public enum Status {
        OPEN, CLOSED, ALL
    }
}
