package dev.tradeloop.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradeloop.events.Action;
import dev.tradeloop.events.Side;
import dev.tradeloop.events.money.Contracts;
import dev.tradeloop.events.money.Money;
import dev.tradeloop.events.money.Price;
import dev.tradeloop.exchange.model.NewOrder;
import dev.tradeloop.exchange.model.OrderAck;
import dev.tradeloop.testkit.ServiceProcess;
import dev.tradeloop.testkit.TestExchange;
import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * The whole loop's story, on a market and an account of its own: a book of YES 0.55 / 0.57 deep enough
 * for the whole entry, a model that says YES is 64 % likely (bought at the 0.57 ask), then the market
 * falls to a 0.45 bid, 21 % under the entry, which is a stop-loss.
 */
final class StopLossTrade {

    static final Price ENTRY = Price.parse("0.57");
    static final Price FALLEN_BID = Price.parse("0.45");

    final TestExchange exchange = TestExchange.get();
    final TestExchange.Account account = exchange.newAccount();
    final String market = "KXLOOP-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    final Money balanceBefore;
    private final OrderAck bid;

    StopLossTrade() {
        exchange.listMarket(market, "KXLOOP", Instant.now().plus(3, ChronoUnit.HOURS));
        bid = exchange.maker().createOrder(NewOrder.of(market, Side.YES, Action.BUY, Contracts.whole(3000),
                Price.parse("0.55"), NewOrder.GOOD_TILL_CANCELED, "maker-bid-" + market));
        exchange.maker().createOrder(NewOrder.of(market, Side.NO, Action.BUY, Contracts.whole(3100),
                Price.parse("0.43"), NewOrder.GOOD_TILL_CANCELED, "maker-ask-" + market));
        // 100 contracts of volume, so the market is liquid enough to trade
        exchange.other().createOrder(NewOrder.of(market, Side.YES, Action.BUY, Contracts.whole(100),
                ENTRY, NewOrder.IMMEDIATE_OR_CANCEL, "other-" + market));
        balanceBefore = account.client().balance().dollars();
    }

    /** A stack whose services trade from this story's account. */
    Stack stack(String database) {
        return new Stack(database, account);
    }

    /** The model says YES is 64 % likely: edge-service takes the prediction. */
    void predict(ServiceProcess edge) throws IOException {
        String body = "{\"marketTicker\":\"" + market + "\",\"probabilityYes\":\"0.64\",\"confidence\":\"0.80\","
                + "\"modelId\":\"loop\",\"modelVersion\":\"1\"}";
        assertThat(edge.post("/predictions", body).statusCode()).isEqualTo(202);
    }

    /** The market falls: the 0.55 bid is gone, the best bid is 0.45. */
    void marketFalls() {
        exchange.maker().createOrder(NewOrder.of(market, Side.YES, Action.BUY, Contracts.whole(3000),
                FALLEN_BID, NewOrder.GOOD_TILL_CANCELED, "maker-bid2-" + market));
        exchange.maker().cancelOrder(bid.orderId());
    }

    Money balanceNow() {
        return account.client().balance().dollars();
    }
}
