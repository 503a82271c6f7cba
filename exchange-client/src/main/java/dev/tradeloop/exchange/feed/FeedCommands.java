package dev.tradeloop.exchange.feed;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The commands the market feed sends, as Kalshi's AsyncAPI document lays them out: each a JSON
 * object {@code {id, cmd, params}}. A list of markets is left out rather than sent empty, and an
 * order-book subscription asks for every price in YES prices ({@code use_yes_price}).
 */
public final class FeedCommands {

    static final String ORDERBOOK = "orderbook_delta";

    private FeedCommands() {
    }

    /** Subscribe to {@code channels}, for {@code markets} when there are any. */
    public static Map<String, Object> subscribe(int id, Collection<String> channels, Collection<String> markets) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("channels", List.copyOf(channels));
        if (!markets.isEmpty()) {
            params.put("market_tickers", List.copyOf(markets));
        }
        if (channels.contains(ORDERBOOK)) {
            params.put("use_yes_price", true);
        }
        return command(id, "subscribe", params);
    }

    /** Update subscription {@code sid}: {@code add_markets}, {@code delete_markets} or {@code get_snapshot}. */
    public static Map<String, Object> update(int id, int sid, String action, Collection<String> markets) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("sid", sid);
        params.put("action", action);
        if (!markets.isEmpty()) {
            params.put("market_tickers", List.copyOf(markets));
        }
        return command(id, "update_subscription", params);
    }

    /** End subscriptions {@code sids}. */
    public static Map<String, Object> unsubscribe(int id, Collection<Integer> sids) {
        return command(id, "unsubscribe", Map.of("sids", List.copyOf(sids)));
    }

    private static Map<String, Object> command(int id, String cmd, Map<String, Object> params) {
        Map<String, Object> command = new LinkedHashMap<>();
        command.put("id", id);
        command.put("cmd", cmd);
        command.put("params", params);
        return command;
    }
}
