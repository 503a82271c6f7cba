package dev.tradeloop.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

class ExchangeEnvironmentTest {

    @Test
    void production_is_refused_without_explicit_confirmation() {
        assertThatThrownBy(() -> ExchangeEnvironment.named("prod", false))
                .hasMessageContaining("trades real money");
        assertThat(ExchangeEnvironment.named("prod", true)).isEqualTo(ExchangeEnvironment.PROD);
    }

    @Test
    void sim_and_demo_need_no_confirmation() {
        assertThat(ExchangeEnvironment.named("SIM", false).restBase()).hasToString("http://127.0.0.1:8100/trade-api/v2");
        assertThat(ExchangeEnvironment.named("demo", false).restBase().getHost()).isEqualTo("external-api.demo.kalshi.co");
    }

    @Test
    void an_unknown_name_is_refused_with_the_choices() {
        assertThatThrownBy(() -> ExchangeEnvironment.named("staging", false))
                .hasMessage("unknown exchange env 'staging'; use sim, demo, prod or a base URL");
    }

    @Test
    void a_base_url_gives_its_websocket_and_signed_paths() {
        ExchangeEnvironment custom = ExchangeEnvironment.at(URI.create("https://demo-api.kalshi.co/trade-api/v2"));

        assertThat(custom.webSocket()).hasToString("wss://demo-api.kalshi.co/trade-api/ws/v2");
        assertThat(custom.signedPath("/portfolio/balance")).isEqualTo("/trade-api/v2/portfolio/balance");
    }

    @Test
    void the_external_api_hosts_have_their_websocket_on_external_api_ws() {
        assertThat(ExchangeEnvironment.at(URI.create("https://external-api.demo.kalshi.co/trade-api/v2")).webSocket())
                .isEqualTo(ExchangeEnvironment.DEMO.webSocket());
        assertThat(ExchangeEnvironment.of("https://external-api.kalshi.com/trade-api/v2", true).webSocket())
                .isEqualTo(ExchangeEnvironment.PROD.webSocket());
    }

    @Test
    void a_base_url_on_a_production_host_needs_the_confirmation_too() {
        assertThatThrownBy(() -> ExchangeEnvironment.of("https://api.elections.kalshi.com/trade-api/v2", false))
                .hasMessageContaining("trades real money");
        assertThatThrownBy(() -> ExchangeEnvironment.of("https://external-api.kalshi.com/trade-api/v2", false))
                .hasMessageContaining("--i-mean-production");
        assertThat(ExchangeEnvironment.of("https://demo-api.kalshi.co/trade-api/v2", false).isProduction()).isFalse();
        assertThat(ExchangeEnvironment.of("https://api.elections.kalshi.com/trade-api/v2", true).isProduction()).isTrue();
    }

    @Test
    void a_base_url_without_the_api_path_is_refused() {
        assertThatThrownBy(() -> ExchangeEnvironment.at(URI.create("https://example.test/v2")))
                .hasMessageContaining("must end with /trade-api/v2");
    }
}
