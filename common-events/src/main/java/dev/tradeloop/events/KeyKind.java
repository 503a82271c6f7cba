package dev.tradeloop.events;

/** What a topic's (string) key is; it decides which messages share a partition. */
public enum KeyKind {
    MARKET_TICKER,
    POSITION_ID,
    /** The single key {@code account} ({@link TradingState#KEY}). */
    ACCOUNT,
    /** The name of the service that wrote the message. */
    SERVICE,
    /** No meaningful key: spread by the producer. */
    NONE
}
