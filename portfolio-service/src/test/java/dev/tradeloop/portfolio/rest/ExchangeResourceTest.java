package dev.tradeloop.portfolio.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** What the dashboard says of the exchange the loop trades on: real money said loudly, a bad setting refused. */
class ExchangeResourceTest {

    @Test
    void the_simulator_and_demo_are_no_real_money_and_production_is() {
        assertThat(ExchangeResource.of("sim").realMoney()).isFalse();
        assertThat(ExchangeResource.of("demo").label()).contains("no real money");
        assertThat(ExchangeResource.of("prod").realMoney()).isTrue();
        assertThat(ExchangeResource.of("prod").label()).contains("REAL MONEY");
        assertThat(ExchangeResource.of("https://external-api.kalshi.com/trade-api/v2").realMoney()).isTrue();
        assertThat(ExchangeResource.of("http://127.0.0.1:8100/trade-api/v2").realMoney()).isFalse();
    }

    @Test
    void a_setting_that_is_no_exchange_stops_the_start_naming_the_key() {
        assertThatThrownBy(() -> ExchangeResource.of("paper")).hasMessageStartingWith("tradeloop.portfolio.exchange:");
        assertThatThrownBy(() -> ExchangeResource.of("ftp://kalshi.com/x")).hasMessageStartingWith("tradeloop.portfolio.exchange:");
    }
}
