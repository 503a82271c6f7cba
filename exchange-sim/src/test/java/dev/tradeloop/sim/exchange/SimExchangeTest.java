package dev.tradeloop.sim.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradeloop.events.money.Contracts;
import dev.tradeloop.events.money.Money;
import dev.tradeloop.events.money.Price;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Matching, fees, positions and settlement of the simulated exchange, to the cent. */
class SimExchangeTest {

    private static final String MARKET = "KXTEST-26NOV24-T50";
    private static final Instant START = Instant.parse("2026-11-24T12:00:00Z");

    private final MutableClock clock = new MutableClock(START);
    private SimExchange exchange;

    @BeforeEach
    void setUp() {
        exchange = new SimExchange(clock);
        exchange.addMarket(new SimMarket(MARKET, "KXTEST-26NOV24", "Test market", START.minusSeconds(60),
                START.plus(Duration.ofHours(2))));
        exchange.openAccount("maker", Money.parse("1000.00"));
        exchange.openAccount("trader", Money.parse("1000.00"));
    }

    private static OrderRequest order(BookSide side, String yesPrice, long count, TimeInForce tif) {
        return new OrderRequest(MARKET, side, Contracts.whole(count), Price.parse(yesPrice), tif, Optional.empty(),
                false, false);
    }

    private static OrderRequest gtc(BookSide side, String yesPrice, long count) {
        return order(side, yesPrice, count, TimeInForce.GOOD_TILL_CANCELED);
    }

    private Money balance(String account) {
        return exchange.account(account).balance();
    }

    @Test
    void the_taker_fee_is_kalshis_formula_rounded_up_to_the_hundredth_of_a_cent() {
        assertThat(Fees.STANDARD.taker(Price.parse("0.57"), Contracts.whole(10))).isEqualTo(Money.parse("0.1716"));
        assertThat(Fees.STANDARD.taker(Price.parse("0.50"), Contracts.whole(100))).isEqualTo(Money.parse("1.75"));
        assertThat(Fees.STANDARD.taker(Price.parse("0.01"), Contracts.whole(1))).isEqualTo(Money.parse("0.0007"));
        assertThat(Fees.STANDARD.maker(Price.parse("0.50"), Contracts.whole(100))).isEqualTo(Money.ZERO);
    }

    @Test
    void a_series_fee_type_charges_makers_a_quarter_or_a_half_of_the_taker_rate_and_its_multiplier_scales_both() {
        Fees makerFees = new Fees("quadratic_with_maker_fees", new BigDecimal("1.5"));
        Fees comboFees = new Fees("quadratic_with_combo_maker_fees", BigDecimal.ONE);

        // 0.07 × 1.5 × 10 × 0.57 × 0.43 = 0.257355, rounded up to 0.2574
        assertThat(makerFees.taker(Price.parse("0.57"), Contracts.whole(10))).isEqualTo(Money.parse("0.2574"));
        // 0.0175 × 1.5 × 10 × 0.57 × 0.43 = 0.06433875, rounded up to 0.0644
        assertThat(makerFees.maker(Price.parse("0.57"), Contracts.whole(10))).isEqualTo(Money.parse("0.0644"));
        // 0.035 × 100 × 0.50 × 0.50 = 0.875
        assertThat(comboFees.maker(Price.parse("0.50"), Contracts.whole(100))).isEqualTo(Money.parse("0.875"));
        assertThatThrownBy(() -> new Fees("flat", BigDecimal.ONE)).hasMessageContaining("'flat' is not");
        assertThatThrownBy(() -> new Fees("quadratic", new BigDecimal("11"))).hasMessageContaining("between 0 and 10");
    }

    @Test
    void on_a_series_with_maker_fees_both_sides_of_a_trade_pay_and_the_balances_move_by_cost_and_fee_cost() {
        String market = "KXMAKERFEES-26NOV24-T1";
        exchange.addMarket(new SimMarket(market, "KXMAKERFEES-26NOV24", "Maker fees", START.minusSeconds(60),
                START.plus(Duration.ofHours(2)), "linear_cent", 0, new Fees("quadratic_with_maker_fees", new BigDecimal("1.5"))));
        exchange.place("maker", new OrderRequest(market, BookSide.ASK, Contracts.whole(10), Price.parse("0.57"),
                TimeInForce.GOOD_TILL_CANCELED, Optional.empty(), false, false));

        SimOrder taker = exchange.place("trader", new OrderRequest(market, BookSide.BID, Contracts.whole(10),
                Price.parse("0.60"), TimeInForce.GOOD_TILL_CANCELED, Optional.empty(), false, false));

        // taker: trade fee 0.2574; 5.70 + 0.2574 floored to the cent is 5.96, so 0.26 in all
        assertThat(taker.takerFees()).isEqualTo(Money.parse("0.26"));
        assertThat(balance("trader")).isEqualTo(Money.parse("994.04"));
        // maker: trade fee 0.0644; 4.30 + 0.0644 floored to the cent is 4.37, so 0.07 in all
        List<SimFill> makerFills = exchange.fills("maker");
        assertThat(makerFills).singleElement().satisfies(fill -> assertThat(fill.fee()).isEqualTo(Money.parse("0.07")));
        assertThat(balance("maker")).isEqualTo(Money.parse("995.63"));
        assertThatThrownBy(() -> exchange.addMarket(new SimMarket("KXMAKERFEES-26NOV24-T2", "KXMAKERFEES-26NOV24",
                "Other fees", START.minusSeconds(60), START.plus(Duration.ofHours(2)))))
                .hasMessageContaining("series KXMAKERFEES charges");
    }

    @Test
    void a_crossing_bid_trades_at_the_resting_price_and_both_accounts_change_to_the_cent() {
        exchange.place("maker", gtc(BookSide.ASK, "0.57", 10)); // maker buys 10 NO at 0.43

        SimOrder taker = exchange.place("trader", gtc(BookSide.BID, "0.60", 10));

        assertThat(taker.status()).isEqualTo(SimOrder.Status.EXECUTED);
        assertThat(taker.takerFillCost()).isEqualTo(Money.parse("5.70"));
        // trade fee 0.1716; 5.70 + 0.1716 floored to the cent is 5.88: a rounding fee of 0.0084
        assertThat(taker.takerFees()).isEqualTo(Money.parse("0.18"));
        assertThat(balance("trader")).isEqualTo(Money.parse("994.12")); // 1000 - 5.70 - 0.18
        assertThat(balance("maker")).isEqualTo(Money.parse("995.70"));   // 1000 - 4.30, no maker fee
        assertThat(exchange.account("trader").netPosition(MARKET)).isEqualTo(1000);
        assertThat(exchange.account("maker").netPosition(MARKET)).isEqualTo(-1000);
        assertThat(exchange.market(MARKET).volume()).isEqualTo(Contracts.whole(10));
        assertThat(exchange.market(MARKET).lastPrice()).contains(Price.parse("0.57"));
    }

    @Test
    void better_prices_fill_first_and_at_one_price_the_earlier_order() {
        SimOrder later = exchange.place("maker", gtc(BookSide.ASK, "0.55", 5));
        exchange.openAccount("early", Money.parse("100.00"));
        SimOrder best = exchange.place("early", gtc(BookSide.ASK, "0.54", 5));
        exchange.openAccount("second", Money.parse("100.00"));
        SimOrder sameLaterPrice = exchange.place("second", gtc(BookSide.ASK, "0.55", 5));

        exchange.place("trader", gtc(BookSide.BID, "0.55", 8));

        assertThat(best.filledCount()).isEqualTo(Contracts.whole(5));
        assertThat(later.filledCount()).isEqualTo(Contracts.whole(3));
        assertThat(sameLaterPrice.filledCount()).isEqualTo(Contracts.ZERO);
        assertThat(exchange.fills("trader")).extracting(SimFill::yesPrice)
                .containsExactly(Price.parse("0.54"), Price.parse("0.55"));
    }

    @Test
    void a_partly_filled_limit_order_rests_with_the_rest() {
        exchange.place("maker", gtc(BookSide.ASK, "0.50", 4));

        SimOrder order = exchange.place("trader", gtc(BookSide.BID, "0.50", 10));

        assertThat(order.status()).isEqualTo(SimOrder.Status.RESTING);
        assertThat(order.filledCount()).isEqualTo(Contracts.whole(4));
        assertThat(order.remainingCount()).isEqualTo(Contracts.whole(6));
        assertThat(exchange.bestBid(MARKET)).contains(Price.parse("0.50"));
    }

    @Test
    void immediate_or_cancel_cancels_what_does_not_fill_at_once() {
        exchange.place("maker", gtc(BookSide.ASK, "0.50", 4));

        SimOrder order = exchange.place("trader", order(BookSide.BID, "0.52", 10, TimeInForce.IMMEDIATE_OR_CANCEL));

        assertThat(order.status()).isEqualTo(SimOrder.Status.CANCELED);
        assertThat(order.filledCount()).isEqualTo(Contracts.whole(4));
        assertThat(order.remainingCount()).isEqualTo(Contracts.ZERO);
        assertThat(exchange.bestBid(MARKET)).isEmpty();
    }

    @Test
    void fill_or_kill_fills_whole_or_not_at_all() {
        exchange.place("maker", gtc(BookSide.ASK, "0.50", 4));

        SimOrder killed = exchange.place("trader", order(BookSide.BID, "0.50", 5, TimeInForce.FILL_OR_KILL));
        SimOrder filled = exchange.place("trader", order(BookSide.BID, "0.50", 4, TimeInForce.FILL_OR_KILL));

        assertThat(killed.status()).isEqualTo(SimOrder.Status.CANCELED);
        assertThat(killed.filledCount()).isEqualTo(Contracts.ZERO);
        assertThat(filled.status()).isEqualTo(SimOrder.Status.EXECUTED);
    }

    @Test
    void buying_no_is_an_ask_at_the_yes_complement_and_costs_the_no_price() {
        exchange.place("maker", gtc(BookSide.BID, "0.60", 10)); // a YES bid at 0.60 is a NO ask at 0.40

        exchange.place("trader", gtc(BookSide.ASK, "0.60", 10)); // buy NO at 0.40

        assertThat(exchange.account("trader").netPosition(MARKET)).isEqualTo(-1000);
        // 1000 - 10 x 0.40 - fee 0.07 x 10 x 0.6 x 0.4 = 0.168, the change floored to the cent: 995.83
        assertThat(balance("trader")).isEqualTo(Money.parse("995.83"));
    }

    @Test
    void selling_a_held_side_redeems_the_pair_and_realizes_the_pnl() {
        exchange.place("maker", gtc(BookSide.BID, "0.60", 10));
        exchange.place("trader", gtc(BookSide.ASK, "0.60", 10)); // trader holds 10 NO at 0.40
        assertThat(exchange.account("trader").positions().get(MARKET).cost()).isEqualTo(Money.parse("4.00"));
        exchange.place("maker", gtc(BookSide.ASK, "0.55", 10)); // someone sells YES at 0.55 (NO bid at 0.45)

        exchange.place("trader", gtc(BookSide.BID, "0.55", 10)); // trader sells NO at 0.45
        // each pair: $1.00 back less the NO's 0.40 and the YES's 0.55, fees apart
        assertThat(exchange.account("trader").positions().get(MARKET).realizedPnl()).isEqualTo(Money.parse("0.50"));
        assertThat(exchange.account("trader").positions().get(MARKET).cost()).isEqualTo(Money.ZERO);

        assertThat(exchange.account("trader").netPosition(MARKET)).isZero();
        // paid 4.00 + 0.168 -> 4.17, then 5.50 + 0.17325 -> 0.1733 -> 5.68, and got 10.00 back for the 10 pairs
        assertThat(balance("trader")).isEqualTo(Money.parse("1000.15"));
    }

    @Test
    void settlement_pays_a_dollar_per_winning_contract_and_cancels_resting_orders() {
        exchange.place("maker", gtc(BookSide.ASK, "0.57", 10));
        exchange.place("trader", gtc(BookSide.BID, "0.57", 10));
        SimOrder resting = exchange.place("trader", gtc(BookSide.BID, "0.40", 5));

        exchange.settle(MARKET, true);

        assertThat(resting.status()).isEqualTo(SimOrder.Status.CANCELED);
        assertThat(balance("trader")).isEqualTo(Money.parse("1004.12")); // 1000 - 5.70 - 0.18 + 10
        assertThat(balance("maker")).isEqualTo(Money.parse("995.70"));     // NO lost: 1000 - 4.30
        assertThat(exchange.market(MARKET).result()).contains("yes");
    }

    @Test
    void a_client_order_id_is_refused_while_an_order_with_it_is_open() {
        OrderRequest first = new OrderRequest(MARKET, BookSide.BID, Contracts.whole(1), Price.parse("0.30"),
                TimeInForce.GOOD_TILL_CANCELED, Optional.of("pos-1:e1:1"), false, false);
        SimOrder open = exchange.place("trader", first);

        assertThatThrownBy(() -> exchange.place("trader", first))
                .isInstanceOfSatisfying(ExchangeRejection.class, e -> assertThat(e.status()).isEqualTo(409));

        exchange.cancel("trader", open.orderId());
        assertThat(exchange.place("trader", first).isResting()).isTrue();
    }

    @Test
    void cancel_amend_and_decrease_change_what_rests() {
        SimOrder order = exchange.place("trader", gtc(BookSide.BID, "0.40", 10));

        exchange.decrease("trader", order.orderId(), Contracts.whole(6));
        assertThat(order.remainingCount()).isEqualTo(Contracts.whole(6));

        exchange.amend("trader", order.orderId(), Price.parse("0.42"), Contracts.whole(8));
        assertThat(exchange.bestBid(MARKET)).contains(Price.parse("0.42"));
        assertThat(order.remainingCount()).isEqualTo(Contracts.whole(8));

        assertThat(exchange.cancel("trader", order.orderId())).isEqualTo(Contracts.whole(8));
        assertThat(order.status()).isEqualTo(SimOrder.Status.CANCELED);
        assertThat(exchange.bestBid(MARKET)).isEmpty();
    }

    @Test
    void an_amend_that_crosses_the_book_trades_at_once() {
        exchange.place("maker", gtc(BookSide.ASK, "0.45", 3));
        SimOrder order = exchange.place("trader", gtc(BookSide.BID, "0.40", 3));

        exchange.amend("trader", order.orderId(), Price.parse("0.45"), Contracts.whole(3));

        assertThat(order.status()).isEqualTo(SimOrder.Status.EXECUTED);
    }

    @Test
    void invalid_orders_are_refused_with_kalshis_codes() {
        assertThatThrownBy(() -> exchange.place("trader", gtc(BookSide.BID, "0.995", 1)))
                .isInstanceOfSatisfying(ExchangeRejection.class, e -> assertThat(e.code()).isEqualTo("invalid_price"));
        assertThatThrownBy(() -> exchange.place("trader", gtc(BookSide.BID, "0.50", 5000)))
                .isInstanceOfSatisfying(ExchangeRejection.class,
                        e -> assertThat(e.code()).isEqualTo("available_balance_too_low"));
        exchange.place("maker", gtc(BookSide.ASK, "0.50", 1));
        assertThatThrownBy(() -> exchange.place("trader", new OrderRequest(MARKET, BookSide.BID, Contracts.whole(1),
                Price.parse("0.50"), TimeInForce.GOOD_TILL_CANCELED, Optional.empty(), true, false)))
                .hasMessageContaining("post-only");
        assertThatThrownBy(() -> exchange.place("trader", new OrderRequest(MARKET, BookSide.ASK, Contracts.whole(1),
                Price.parse("0.50"), TimeInForce.GOOD_TILL_CANCELED, Optional.empty(), false, true)))
                .hasMessageContaining("reduce-only");
    }

    @Test
    void each_market_takes_only_the_prices_of_its_own_grid_on_orders_and_amends() {
        String tapered = "KXTEST-26NOV24-TAPER";
        exchange.addMarket(new SimMarket(tapered, "KXTEST-26NOV24", "Tapered", START.minusSeconds(60),
                START.plus(Duration.ofHours(2)), "tapered_deci_cent", 0));
        OrderRequest edge = new OrderRequest(tapered, BookSide.BID, Contracts.whole(1), Price.parse("0.053"),
                TimeInForce.GOOD_TILL_CANCELED, Optional.empty(), false, false);
        OrderRequest center = new OrderRequest(tapered, BookSide.BID, Contracts.whole(1), Price.parse("0.453"),
                TimeInForce.GOOD_TILL_CANCELED, Optional.empty(), false, false);

        SimOrder resting = exchange.place("trader", edge);
        assertThatThrownBy(() -> exchange.place("trader", center))
                .isInstanceOfSatisfying(ExchangeRejection.class, e -> assertThat(e.code()).isEqualTo("invalid_price"));
        assertThatThrownBy(() -> exchange.place("trader", gtc(BookSide.BID, "0.053", 1)))
                .isInstanceOfSatisfying(ExchangeRejection.class, e -> assertThat(e.code()).isEqualTo("invalid_price"));
        assertThatThrownBy(() -> exchange.amend("trader", resting.orderId(), Price.parse("0.105"), Contracts.whole(1)))
                .isInstanceOfSatisfying(ExchangeRejection.class, e -> assertThat(e.code()).isEqualTo("invalid_price"));
        assertThat(exchange.amend("trader", resting.orderId(), Price.parse("0.099"), Contracts.whole(1)).yesPrice())
                .isEqualTo(Price.parse("0.099"));
    }

    @Test
    void a_determined_result_pays_only_once_finalized_and_an_amended_result_is_what_pays() {
        exchange.place("maker", gtc(BookSide.ASK, "0.57", 10));
        exchange.place("trader", gtc(BookSide.BID, "0.57", 10)); // trader holds 10 YES
        Money before = balance("trader");

        exchange.determine(MARKET, true, Duration.ofMinutes(10));
        exchange.dispute(MARKET);
        clock.advance(Duration.ofMinutes(30)); // a disputed result does not settle
        assertThat(exchange.market(MARKET).status()).isEqualTo(SimMarket.Status.DISPUTED);
        exchange.amend(MARKET, false);
        clock.advance(Duration.ofMinutes(9));
        assertThat(exchange.market(MARKET).status()).isEqualTo(SimMarket.Status.AMENDED);
        assertThat(balance("trader")).isEqualTo(before);
        clock.advance(Duration.ofMinutes(1));

        assertThat(exchange.market(MARKET).status()).isEqualTo(SimMarket.Status.FINALIZED);
        assertThat(exchange.market(MARKET).result()).contains("no");
        assertThat(balance("trader")).isEqualTo(before); // YES lost: nothing paid
        assertThat(balance("maker")).isEqualTo(Money.parse("1005.70")); // 1000 − 4.30 + 10 for the NO
    }

    @Test
    void a_paused_market_takes_no_order_but_takes_cancels_and_its_resting_orders_go_when_it_resumes() {
        SimOrder resting = exchange.place("trader", gtc(BookSide.BID, "0.40", 5));
        SimOrder other = exchange.place("trader", gtc(BookSide.BID, "0.41", 5));

        exchange.pause(MARKET);

        assertThatThrownBy(() -> exchange.place("trader", gtc(BookSide.BID, "0.42", 1)))
                .isInstanceOfSatisfying(ExchangeRejection.class, e -> assertThat(e.code()).isEqualTo("MARKET_INACTIVE"));
        assertThat(exchange.cancel("trader", resting.orderId())).isEqualTo(Contracts.whole(5));
        assertThat(other.isResting()).isTrue();
        exchange.resume(MARKET);
        assertThat(other.status()).isEqualTo(SimOrder.Status.CANCELED);
        assertThat(exchange.place("trader", gtc(BookSide.BID, "0.42", 1)).isResting()).isTrue();
    }

    @Test
    void at_close_time_resting_orders_are_cancelled_and_order_actions_refused() {
        SimOrder resting = exchange.place("trader", gtc(BookSide.BID, "0.40", 10));

        clock.advance(Duration.ofHours(2));

        assertThat(exchange.market(MARKET).status()).isEqualTo(SimMarket.Status.CLOSED);
        assertThat(resting.status()).isEqualTo(SimOrder.Status.CANCELED);
        assertThatThrownBy(() -> exchange.place("trader", gtc(BookSide.BID, "0.40", 1)))
                .isInstanceOfSatisfying(ExchangeRejection.class, e -> assertThat(e.code()).isEqualTo("MARKET_INACTIVE"));
        assertThatThrownBy(() -> exchange.cancel("trader", resting.orderId()))
                .isInstanceOfSatisfying(ExchangeRejection.class, e -> assertThat(e.code()).isEqualTo("MARKET_INACTIVE"));
    }
}
