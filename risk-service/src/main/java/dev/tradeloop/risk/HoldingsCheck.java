package dev.tradeloop.risk;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Compares what the exchange says the account holds with what the loop's positions hold, net per
 * market. A fill is on the exchange a moment before its event reaches the positions, so a
 * difference is a mismatch only once it has lasted {@code after} with the very same figures; a
 * market still trading moves its figures and is looked at again.
 */
public final class HoldingsCheck {

    /** A market where the exchange and the positions disagree, net contracts (YES positive, NO negative). */
    public record Mismatch(String market, BigDecimal onExchange, BigDecimal inPositions) {

        @Override
        public String toString() {
            return market + ": the exchange holds " + onExchange.stripTrailingZeros().toPlainString()
                    + ", the positions " + inPositions.stripTrailingZeros().toPlainString();
        }
    }

    private final Duration after;
    private final Map<String, Mismatch> seen = new HashMap<>();
    private final Map<String, Instant> since = new HashMap<>();

    public HoldingsCheck(Duration after) {
        this.after = after;
    }

    /** The mismatches that have lasted, as of a report of the exchange's holdings taken {@code at}. */
    public synchronized List<Mismatch> lasting(Map<String, BigDecimal> onExchange, Map<String, BigDecimal> inPositions,
            Instant at) {
        List<Mismatch> now = differences(onExchange, inPositions);
        seen.keySet().retainAll(now.stream().map(Mismatch::market).toList());
        since.keySet().retainAll(seen.keySet());
        List<Mismatch> lasting = new ArrayList<>();
        for (Mismatch mismatch : now) {
            if (!mismatch.equals(seen.get(mismatch.market()))) {
                seen.put(mismatch.market(), mismatch);
                since.put(mismatch.market(), at);
            }
            if (!at.isBefore(since.get(mismatch.market()).plus(after))) {
                lasting.add(mismatch);
            }
        }
        return lasting;
    }

    /** Every market where the two disagree, in market order. */
    public static List<Mismatch> differences(Map<String, BigDecimal> onExchange, Map<String, BigDecimal> inPositions) {
        TreeSet<String> markets = new TreeSet<>(onExchange.keySet());
        markets.addAll(inPositions.keySet());
        List<Mismatch> differences = new ArrayList<>();
        for (String market : markets) {
            BigDecimal exchange = onExchange.getOrDefault(market, BigDecimal.ZERO);
            BigDecimal positions = inPositions.getOrDefault(market, BigDecimal.ZERO);
            if (exchange.compareTo(positions) != 0) {
                differences.add(new Mismatch(market, exchange, positions));
            }
        }
        return differences;
    }
}
