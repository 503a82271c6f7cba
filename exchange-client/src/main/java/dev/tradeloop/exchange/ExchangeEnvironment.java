package dev.tradeloop.exchange;

import java.net.URI;
import java.util.Locale;

/**
 * Where the client talks to: the local simulator, Kalshi's demo, Kalshi's production, or any base
 * URL. Production trades real money, so it is refused unless the caller says so explicitly.
 */
public record ExchangeEnvironment(String name, URI restBase, URI webSocket) {

    /** The simulator of {@code ./tradeloop up}. */
    public static final ExchangeEnvironment SIM = new ExchangeEnvironment("sim",
            URI.create("http://127.0.0.1:8100/trade-api/v2"), URI.create("ws://127.0.0.1:8100/trade-api/ws/v2"));
    public static final ExchangeEnvironment DEMO = new ExchangeEnvironment("demo",
            URI.create("https://external-api.demo.kalshi.co/trade-api/v2"),
            URI.create("wss://external-api-ws.demo.kalshi.co/trade-api/ws/v2"));
    public static final ExchangeEnvironment PROD = new ExchangeEnvironment("prod",
            URI.create("https://external-api.kalshi.com/trade-api/v2"),
            URI.create("wss://external-api-ws.kalshi.com/trade-api/ws/v2"));

    /**
     * The environment a setting names: a base URL (anything with {@code ://}, see {@link #at}) or a
     * name (see {@link #named}).
     */
    public static ExchangeEnvironment of(String setting, boolean productionConfirmed) {
        return setting.contains("://") ? at(URI.create(setting)) : named(setting, productionConfirmed);
    }

    /**
     * The environment called {@code name} ({@code sim}, {@code demo} or {@code prod});
     * {@code prod} only with {@code productionConfirmed}.
     */
    public static ExchangeEnvironment named(String name, boolean productionConfirmed) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "sim" -> SIM;
            case "demo" -> DEMO;
            case "prod" -> {
                if (!productionConfirmed) {
                    throw new IllegalArgumentException(
                            "env 'prod' trades real money: confirm it explicitly (--i-mean-production)");
                }
                yield PROD;
            }
            default -> throw new IllegalArgumentException(
                    "unknown exchange env '" + name + "'; use sim, demo, prod or a base URL");
        };
    }

    /**
     * An environment at any base URL ending in {@code /trade-api/v2}; its WebSocket is derived
     * the way Kalshi lays them out ({@code /trade-api/ws/v2} on the same host).
     */
    public static ExchangeEnvironment at(URI restBase) {
        String path = restBase.getPath();
        if (path == null || !path.endsWith("/trade-api/v2")) {
            throw new IllegalArgumentException("base URL " + restBase + " must end with /trade-api/v2");
        }
        String scheme = "https".equals(restBase.getScheme()) ? "wss" : "ws";
        URI webSocket = URI.create(scheme + "://" + restBase.getAuthority()
                + path.substring(0, path.length() - "/trade-api/v2".length()) + "/trade-api/ws/v2");
        return new ExchangeEnvironment("custom", restBase, webSocket);
    }

    /** The path Kalshi signs for a REST call: the full URL path, query string excluded. */
    public String signedPath(String endpoint) {
        return restBase.getPath() + endpoint;
    }
}
