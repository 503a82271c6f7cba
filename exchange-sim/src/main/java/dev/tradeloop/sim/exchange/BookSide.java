package dev.tradeloop.sim.exchange;

/** Kalshi's order side, in YES terms: {@code bid} buys YES, {@code ask} sells YES, which is buying NO. */
public enum BookSide {
    BID,
    ASK;

    public BookSide opposite() {
        return this == BID ? ASK : BID;
    }

    /** The outcome whose contracts the order adds: YES for a bid, NO for an ask. */
    public String outcomeSide() {
        return this == BID ? "yes" : "no";
    }
}
