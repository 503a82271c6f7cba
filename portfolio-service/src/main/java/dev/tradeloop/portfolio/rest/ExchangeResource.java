package dev.tradeloop.portfolio.rest;

import dev.tradeloop.portfolio.PortfolioConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Which exchange the loop trades on, for the dashboard to show it prominently: the simulator (paper
 * money), Kalshi's demo (no real money) or Kalshi's production exchange (real money).
 */
@Path("/exchange")
@Produces(MediaType.APPLICATION_JSON)
public class ExchangeResource {

    /** The exchange, whether it trades real money, and how the dashboard names it. */
    public record TradedOn(String exchange, boolean realMoney, String label) {
    }

    private final TradedOn tradedOn;

    public ExchangeResource(PortfolioConfig config) {
        this.tradedOn = of(config.exchange());
    }

    void checkAtStart(@Observes StartupEvent start) {
        // built with the bean: a bad value stops the start-up naming the key
    }

    @GET
    @Operation(summary = "Which exchange the loop trades on, and whether with real money")
    public TradedOn tradedOn() {
        return tradedOn;
    }

    static TradedOn of(String exchange) {
        return switch (exchange.toLowerCase(Locale.ROOT)) {
            case "sim" -> new TradedOn("sim", false, "Paper trading on the simulator");
            case "demo" -> new TradedOn("demo", false, "Kalshi demo: no real money");
            case "prod" -> new TradedOn("prod", true, "Kalshi production: REAL MONEY");
            default -> {
                URI url;
                try {
                    url = URI.create(exchange);
                } catch (IllegalArgumentException e) {
                    throw new IllegalStateException("tradeloop.portfolio.exchange: '" + exchange
                            + "' is not sim, demo, prod or a URL", e);
                }
                if (url.getHost() == null || !(url.getScheme().equals("http") || url.getScheme().equals("https"))) {
                    throw new IllegalStateException("tradeloop.portfolio.exchange: '" + exchange
                            + "' is not sim, demo, prod or an http(s) URL");
                }
                boolean production = url.getHost().endsWith("kalshi.com");
                yield new TradedOn(exchange, production, production ? "Kalshi production at " + url.getHost()
                        + ": REAL MONEY" : "Exchange at " + url.getHost());
            }
        };
    }
}
