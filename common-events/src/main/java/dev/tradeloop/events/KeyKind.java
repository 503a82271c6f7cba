package dev.tradeloop.events;

/** What a topic's (string) key is; it decides which messages share a partition. */
public enum KeyKind {
    MARKET_TICKER,
    POSITION_ID,
    /** The single key {@link TradingState#KEY}. */
    ACCOUNT,
    /** No meaningful key: spread by the producer. */
    NONE
}
