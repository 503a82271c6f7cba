package dev.tradeloop.sim.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradeloop.events.money.Contracts;
import dev.tradeloop.events.money.Money;
import dev.tradeloop.events.money.Price;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * A book rebuilt from nothing but the exchange's deltas equals the exchange's own book after any
 * mix of orders, fills, cancels, amends and decreases: the feed can be trusted to mirror it.
 */
class BookDeltasTest {

    private static final String MARKET = "KXDELTA";

    /** Levels kept from deltas alone, per side, by YES price. */
    private static final class Mirror implements ExchangeListener {
        final Map<BookSide, TreeMap<Price, Long>> sides = Map.of(BookSide.BID, new TreeMap<>(), BookSide.ASK, new TreeMap<>());
        final List<Long> filled = new ArrayList<>();

        @Override
        public void bookChanged(String ticker, BookSide side, Price yesPrice, long delta) {
            sides.get(side).merge(yesPrice, delta, Long::sum);
            sides.get(side).remove(yesPrice, 0L);
        }

        @Override
        public void filled(SimFill fill, long postPosition) {
            filled.add(fill.count().hundredths());
        }

        @Override
        public void orderChanged(SimOrder order) {
        }

        TreeMap<Price, Long> levels(BookSide side) {
            return sides.get(side);
        }
    }

    private static TreeMap<Price, Long> exchangeLevels(SimExchange exchange, BookSide side) {
        TreeMap<Price, Long> levels = new TreeMap<>();
        exchange.levels(MARKET, side).forEach(level -> levels.put(level.yesPrice(), level.size().hundredths()));
        return levels;
    }

    @Test
    void deltas_mirror_the_book_through_300_random_operations() {
        Instant start = Instant.parse("2026-11-24T12:00:00Z");
        SimExchange exchange = new SimExchange(new MutableClock(start));
        Mirror mirror = new Mirror();
        exchange.listen(mirror);
        exchange.addMarket(new SimMarket(MARKET, "KX", "delta test", start.minusSeconds(1), start.plus(Duration.ofDays(1))));
        List<String> accounts = List.of("a", "b", "c");
        accounts.forEach(id -> exchange.openAccount(id, Money.parse("1000000.00")));
        Random random = new Random(20261124);
        List<SimOrder> placed = new ArrayList<>();

        for (int step = 0; step < 300; step++) {
            String account = accounts.get(random.nextInt(accounts.size()));
            int action = random.nextInt(10);
            List<SimOrder> resting = placed.stream().filter(o -> o.isResting() && o.accountId().equals(account)).toList();
            try {
                if (action < 6 || resting.isEmpty()) {
                    BookSide side = random.nextBoolean() ? BookSide.BID : BookSide.ASK;
                    Price price = Price.ofCents(40 + random.nextInt(21));
                    TimeInForce tif = random.nextInt(5) == 0 ? TimeInForce.IMMEDIATE_OR_CANCEL : TimeInForce.GOOD_TILL_CANCELED;
                    placed.add(exchange.place(account, new OrderRequest(MARKET, side, Contracts.whole(1 + random.nextInt(20)),
                            price, tif, Optional.empty(), false, false)));
                } else if (action < 8) {
                    exchange.cancel(account, resting.get(random.nextInt(resting.size())).orderId());
                } else if (action < 9) {
                    SimOrder order = resting.get(random.nextInt(resting.size()));
                    exchange.amend(account, order.orderId(), Price.ofCents(40 + random.nextInt(21)),
                            order.filledCount().plus(Contracts.whole(1 + random.nextInt(20))));
                } else {
                    SimOrder order = resting.get(random.nextInt(resting.size()));
                    exchange.decrease(account, order.orderId(), new Contracts(order.remainingCount().hundredths() / 2));
                }
            } catch (ExchangeRejection refused) {
                // a refused action changes nothing; the mirror must agree with that too
            }
            assertThat(mirror.levels(BookSide.BID)).as("bids after step " + step).isEqualTo(exchangeLevels(exchange, BookSide.BID));
            assertThat(mirror.levels(BookSide.ASK)).as("asks after step " + step).isEqualTo(exchangeLevels(exchange, BookSide.ASK));
        }
        assertThat(mirror.filled).isNotEmpty();
    }
}
