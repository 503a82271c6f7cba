package dev.tradeloop.exchange.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import dev.tradeloop.events.json.Json;
import dev.tradeloop.events.money.Contracts;
import dev.tradeloop.events.money.Money;
import dev.tradeloop.events.money.Price;
import dev.tradeloop.exchange.model.AmendAck;
import dev.tradeloop.exchange.model.Balance;
import dev.tradeloop.exchange.model.CancelAck;
import dev.tradeloop.exchange.model.ExchangeEvent;
import dev.tradeloop.exchange.model.Fill;
import dev.tradeloop.exchange.model.Market;
import dev.tradeloop.exchange.model.MarketPosition;
import dev.tradeloop.exchange.model.Order;
import dev.tradeloop.exchange.model.OrderAck;
import dev.tradeloop.exchange.model.OrderBookSnapshot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Kalshi's documented payloads parse into the client's types, with every field Tradeloop uses. */
class PayloadContractTest {

    private static JsonNode fixture(String name) throws Exception {
        return Json.mapper().readTree(Files.readString(Path.of("src/test/resources/fixtures", name)));
    }

    private static <T> T read(JsonNode node, TypeReference<T> type) {
        return Json.mapper().convertValue(node, type);
    }

    @Test
    void markets() throws Exception {
        List<Market> markets = read(fixture("get-markets.json").get("markets"), new TypeReference<List<Market>>() { });

        Market market = markets.get(0);
        assertThat(market.ticker()).isEqualTo("KXHIGHNY-26NOV24-T52");
        assertThat(market.eventTicker()).isEqualTo("KXHIGHNY-26NOV24");
        assertThat(market.isOpen()).isTrue();
        assertThat(market.closeTime()).isEqualTo(Instant.parse("2026-11-25T04:59:00Z"));
        assertThat(market.yesBidDollars()).isEqualTo(Price.parse("0.55"));
        assertThat(market.yesAskDollars()).isEqualTo(Price.parse("0.57"));
        assertThat(market.noBidDollars()).isEqualTo(Price.parse("0.43"));
        assertThat(market.noAskDollars()).isEqualTo(Price.parse("0.45"));
        assertThat(market.lastPriceDollars()).isEqualTo(Price.parse("0.56"));
        assertThat(market.volumeFp()).isEqualTo(Contracts.whole(15230));
        assertThat(market.volume24hFp()).isEqualTo(Contracts.whole(4210));
        assertThat(market.shard()).isEqualTo(2);
        assertThat(market.priceRanges()).containsExactly(
                new Market.PriceRange(Price.parse("0.01"), Price.parse("0.99"), Price.parse("0.01")));
    }

    @Test
    void order_book_bids_ascending_best_last_and_a_missing_side() throws Exception {
        OrderBookSnapshot book = read(fixture("get-orderbook.json"), new TypeReference<OrderBookSnapshot>() { });
        OrderBookSnapshot oneSided = read(fixture("get-orderbook-one-side.json"), new TypeReference<OrderBookSnapshot>() { });

        assertThat(book.bestYesBid()).contains(Price.parse("0.55"));
        assertThat(book.bestNoBid()).contains(Price.parse("0.43"));
        assertThat(book.bestYesAsk()).contains(Price.parse("0.57"));
        assertThat(book.yesBids()).hasSize(3);
        assertThat(oneSided.noBids()).isEmpty();
        assertThat(oneSided.bestYesAsk()).isEmpty();
    }

    @Test
    void create_order_acknowledgement_under_either_count_name() throws Exception {
        OrderAck ack = read(fixture("create-order.json"), new TypeReference<OrderAck>() { });
        OrderAck fp = read(fixture("create-order-fp-names.json"), new TypeReference<OrderAck>() { });

        assertThat(ack.clientOrderId()).isEqualTo("pos-0b1c2d:e1:1");
        assertThat(ack.fillCount()).isEqualTo(Contracts.whole(4));
        assertThat(ack.remainingCount()).isEqualTo(Contracts.whole(6));
        assertThat(ack.averageFillPrice()).contains(Price.parse("0.56"));
        assertThat(ack.averageFeePaid()).contains(Money.parse("0.017248"));
        assertThat(fp.fillCount()).isEqualTo(Contracts.ZERO);
        assertThat(fp.remainingCount()).isEqualTo(Contracts.whole(10));
        assertThat(fp.averageFillPrice()).isEmpty();
    }

    @Test
    void order_cancel_and_amend() throws Exception {
        Order order = read(fixture("get-order.json").get("order"), new TypeReference<Order>() { });
        CancelAck cancel = read(fixture("cancel-order.json"), new TypeReference<CancelAck>() { });
        AmendAck amend = read(fixture("amend-order.json"), new TypeReference<AmendAck>() { });

        assertThat(order.isResting()).isTrue();
        assertThat(order.bookSide()).isEqualTo("bid");
        assertThat(order.yesPriceDollars()).isEqualTo(Price.parse("0.56"));
        assertThat(order.fillCountFp()).isEqualTo(Contracts.whole(4));
        assertThat(order.remainingCountFp()).isEqualTo(Contracts.whole(6));
        assertThat(order.takerFeesDollars()).isEqualTo(Money.parse("0.069"));
        assertThat(cancel.reducedBy()).isEqualTo(Contracts.whole(6));
        assertThat(amend.remainingCount()).isEqualTo(Contracts.whole(6));
    }

    @Test
    void fills_carry_the_trade_id_and_the_fee_charged() throws Exception {
        List<Fill> fills = read(fixture("get-fills.json").get("fills"), new TypeReference<List<Fill>>() { });

        Fill fill = fills.get(0);
        assertThat(fill.dedupeId()).isEqualTo("5c1e2f7a-0b9d-4c3e-8a61-7d2f4b9e1a05");
        assertThat(fill.orderId()).isEqualTo("ee9a2c4e-5f3b-4a8e-9f1d-2c7b8a6e4d31");
        assertThat(fill.countFp()).isEqualTo(Contracts.whole(4));
        assertThat(fill.yesPriceDollars()).isEqualTo(Price.parse("0.56"));
        assertThat(fill.feeCost()).isEqualTo(Money.parse("0.069"));
        assertThat(fill.isTaker()).isTrue();
    }

    @Test
    void positions_are_signed_and_balance_is_exact() throws Exception {
        List<MarketPosition> positions = read(fixture("get-positions.json").get("market_positions"),
                new TypeReference<List<MarketPosition>>() { });
        Balance balance = read(fixture("get-balance.json"), new TypeReference<Balance>() { });

        assertThat(positions.get(0).isNo()).isFalse();
        assertThat(positions.get(1).isNo()).isTrue();
        assertThat(positions.get(1).size()).isEqualTo(Contracts.whole(25));
        assertThat(balance.dollars()).isEqualTo(Money.parse("10500.23"));
        assertThat(balance.onShard(0)).isEqualTo(Money.parse("10000.23"));
        assertThat(balance.onShard(2)).isEqualTo(Money.parse("500.00"));
        assertThat(balance.onShard(1)).isEqualTo(Money.ZERO);
    }

    @Test
    void an_event_with_its_markets() throws Exception {
        JsonNode answer = fixture("get-event.json");
        ExchangeEvent event = read(answer.get("event"), new TypeReference<ExchangeEvent>() { });
        List<Market> markets = read(answer.get("markets"), new TypeReference<List<Market>>() { });

        assertThat(event.eventTicker()).isEqualTo("KXHIGHNY-26NOV24");
        assertThat(event.seriesTicker()).isEqualTo("KXHIGHNY");
        assertThat(event.mutuallyExclusive()).isTrue();
        assertThat(markets).extracting(Market::ticker).containsExactly("KXHIGHNY-26NOV24-T52");
    }
}
