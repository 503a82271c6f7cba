package dev.tradeloop.edge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradeloop.events.MarketStatus;
import dev.tradeloop.events.PriceTick;
import dev.tradeloop.events.Side;
import dev.tradeloop.events.json.Json;
import dev.tradeloop.exchange.model.Market;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Kalshi's market lifecycle, as ticks say it to the loop. */
class TicksTest {

    private static PriceTick tickOf(String status, String result) throws Exception {
        Market market = Json.mapper().readValue("{\"ticker\":\"KXT-1\",\"event_ticker\":\"KXT\",\"status\":\"" + status
                + "\",\"result\":\"" + result + "\",\"close_time\":\"2026-12-02T12:00:00Z\",\"yes_bid_dollars\":\"0.40\","
                + "\"no_bid_dollars\":\"0.58\",\"volume_fp\":\"10.00\",\"exchange_index\":2}", Market.class);
        return Ticks.fromMarket(market, java.math.BigDecimal.ONE, 1, Instant.parse("2026-12-02T10:00:00Z"));
    }

    @ParameterizedTest(name = "{0} with result ''{1}'' is {2}")
    @CsvSource({
        "active,     '',  OPEN",
        "initialized,'',  UNOPENED",
        "inactive,   '',  PAUSED",
        "closed,     '',  CLOSED",
        "determined, yes, CLOSED",
        "disputed,   yes, CLOSED",
        "amended,    no,  CLOSED",
        "finalized,  no,  SETTLED",
    })
    void a_market_is_settled_only_once_finalized_and_a_pause_is_not_a_close(String status, String result,
            MarketStatus expected) throws Exception {
        PriceTick tick = tickOf(status, result);

        assertThat(tick.marketStatus()).isEqualTo(expected);
        assertThat(tick.result()).isEqualTo(expected == MarketStatus.SETTLED
                ? java.util.Optional.of(Side.valueOf(result.toUpperCase())) : java.util.Optional.empty());
        assertThat(tick.shard()).isEqualTo(2);
    }
}
