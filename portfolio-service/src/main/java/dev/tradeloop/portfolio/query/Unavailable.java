package dev.tradeloop.portfolio.query;

import java.sql.SQLException;

/** The projection's database could not answer a query. */
public class Unavailable extends RuntimeException {

    Unavailable(SQLException cause) {
        super("the portfolio database did not answer: " + cause.getMessage(), cause);
    }
}
