package dev.tradeloop.events;

/** Which outcome a contract pays on. A position holds one side of one market. */
public enum Side {
    YES,
    NO
}
