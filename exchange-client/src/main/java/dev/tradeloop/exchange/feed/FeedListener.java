package dev.tradeloop.exchange.feed;

/** What a {@link MarketFeed} tells its user. Calls come from the feed's own thread, one at a time. */
public interface FeedListener {

    /** A market's book changed (a snapshot or a delta was applied); {@code book} is a copy. */
    default void onBook(LocalBook book) {
    }

    /** A {@code ticker} message: top of book, last price, volume. */
    default void onTicker(FeedMessages.TickerUpdate ticker) {
    }

    /** One of the account's fills, as the {@code fill} channel sends it. */
    default void onFill(FeedMessages.FillUpdate fill) {
    }

    /** One of the account's orders was created or changed, as the {@code user_orders} channel sends it. */
    default void onOrder(FeedMessages.OrderUpdate order) {
    }

    /**
     * The feed lost continuity for {@code ticker} ({@code "sequence gap"} or {@code "reconnected"})
     * and rebuilt the book from a REST snapshot; what happened meanwhile on channels without a
     * sequence (fills) must be reconciled over REST by the user.
     */
    default void onResync(String ticker, String reason) {
    }

    /**
     * The feed is connected again after it was lost: what the account's channels said meanwhile
     * (fills, order changes) was not heard, and must be reconciled over REST by the user.
     */
    default void onReconnected() {
    }
}
