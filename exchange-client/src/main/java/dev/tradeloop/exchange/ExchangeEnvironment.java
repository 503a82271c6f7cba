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
     * name (see {@link #named}). A base URL on a production host ({@code kalshi.com}) trades real
     * money as much as {@code prod} does, and needs the same confirmation.
     */
    public static ExchangeEnvironment of(String setting, boolean productionConfirmed) {
        if (!setting.contains("://")) {
            return named(setting, productionConfirmed);
        }
        ExchangeEnvironment environment = at(URI.create(setting));
        if (environment.isProduction() && !productionConfirmed) {
            throw new IllegalArgumentException("base URL " + setting
                    + " is Kalshi's production exchange and trades real money: confirm it explicitly (--i-mean-production)");
        }
        return environment;
    }

    /** True on Kalshi's production hosts ({@code kalshi.com} and under it; demo is {@code kalshi.co}). */
    public boolean isProduction() {
        String host = restBase.getHost() == null ? "" : restBase.getHost().toLowerCase(Locale.ROOT);
        return host.equals("kalshi.com") || host.endsWith(".kalshi.com");
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
     * the way Kalshi lays them out: {@code /trade-api/ws/v2}, on the same host except for the
     * {@code external-api} hosts, whose WebSocket is on {@code external-api-ws} (Kalshi's AsyncAPI).
     */
    public static ExchangeEnvironment at(URI restBase) {
        String path = restBase.getPath();
        if (path == null || !path.endsWith("/trade-api/v2")) {
            throw new IllegalArgumentException("base URL " + restBase + " must end with /trade-api/v2");
        }
        String scheme = "https".equals(restBase.getScheme()) ? "wss" : "ws";
        String authority = restBase.getAuthority();
        if (authority.startsWith("external-api.")) {
            authority = "external-api-ws." + authority.substring("external-api.".length());
        }
        URI webSocket = URI.create(scheme + "://" + authority
                + path.substring(0, path.length() - "/trade-api/v2".length()) + "/trade-api/ws/v2");
        return new ExchangeEnvironment("custom", restBase, webSocket);
    }

    /** The path Kalshi signs for a REST call: the full URL path, query string excluded. */
    public String signedPath(String endpoint) {
        return restBase.getPath() + endpoint;
    }
}
