package dev.tradeloop.events;

/**
 * Why an entry or an exit ended, as a code a program can act on; the sentence beside it
 * ({@code note}, {@code detail}) is for people.
 */
public enum OrderEnding {
    /** Every contract wanted filled. */
    FILLED,
    /** An exit sold part and the exchange held no more: what the account held is sold. */
    SOLD_WHAT_WAS_HELD,
    /** An exit found nothing held on the exchange to sell: the position and the exchange disagree. */
    NOTHING_HELD,
    /** An approved trade older than its method lets a price be: not traded. */
    STALE,
    /** The exchange refused the order. */
    EXCHANGE_REFUSED,
    /** Trading stopped allowing new entries: no new order. */
    TRADING_HALTED,
    /** The entry's walk reached its slippage cap without a full fill. */
    SLIPPAGE_CAP_REACHED,
    /** An exit's limit walks ran out without selling everything. */
    WALKS_SPENT,
    /** An exit's market orders ran out without selling everything. */
    MARKET_TRIES_SPENT,
    /** No two-sided book to sell into for the exit's fill timeout. */
    NO_TWO_SIDED_BOOK,
    /** A more urgent exit took the position over. */
    TAKEN_OVER,
    /** Not run: an exit at least as urgent was already working the position. */
    DECLINED
}
