package dev.tradeloop.exchange.cli;

import dev.tradeloop.events.money.Money;
import dev.tradeloop.exchange.ExchangeEnvironment;
import dev.tradeloop.exchange.auth.ApiCredentials;
import dev.tradeloop.exchange.auth.InvalidCredentialsException;
import dev.tradeloop.exchange.model.AccountLimits;
import dev.tradeloop.exchange.model.Balance;
import dev.tradeloop.exchange.model.Fill;
import dev.tradeloop.exchange.model.Market;
import dev.tradeloop.exchange.model.MarketPosition;
import dev.tradeloop.exchange.model.Order;
import dev.tradeloop.exchange.model.OrderBookSnapshot;
import dev.tradeloop.exchange.rest.ExchangeException;
import dev.tradeloop.exchange.rest.KalshiClient;
import dev.tradeloop.exchange.rest.RateLimits;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code ./tradeloop exchange}: the way a trader checks credentials and a market before trusting
 * the loop with money. Reads only, except {@code probe}, which places post-only orders far from the
 * market on demo (never on production) and cancels them.
 */
public final class ExchangeCommand {

    static final String USAGE = """
            usage: ./tradeloop exchange COMMAND [options]
              markets [--status open|closed|settled|unopened|paused]   the markets, a line each
              market TICKER                                             one market in full
              orderbook TICKER                                          its bids on each side
              balance | positions | orders | fills                      your account (needs a key)
              check [--series KX…,…]                                    what a read-only call can check before
                                                                        trading: credentials and clock, the tier and
                                                                        its limits, the balance of each shard, and the
                                                                        shard and price grid of each market watched
              probe [--market TICKER | --series KX…,…]                  learns on demo what Kalshi's specification leaves
                                                                        open (docs/KALSHI.md), with post-only orders of
                                                                        1 contract far from the market, each cancelled;
                                                                        refused on production
            options:
              --env sim|demo|prod     where (default sim: the local simulator); prod also needs --i-mean-production
              --base-url URL          any exchange at URL (ending in /trade-api/v2) instead of --env
              --key-id ID --key-file PEM   credentials; else KALSHI_API_KEY_ID and KALSHI_PRIVATE_KEY_PATH
                                      (on sim, the local stack's paper key is used when none is given)""";

    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> environment;

    public ExchangeCommand(PrintStream out, PrintStream err, Map<String, String> environment) {
        this.out = out;
        this.err = err;
        this.environment = environment;
    }

    public static void main(String[] args) {
        System.exit(new ExchangeCommand(System.out, System.err, System.getenv()).run(args));
    }

    /** Runs one command; returns the exit code (0 done, 1 the exchange or credentials failed, 2 usage). */
    public int run(String[] args) {
        Arguments arguments;
        try {
            arguments = Arguments.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("tradeloop exchange: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        try {
            ExchangeEnvironment target = arguments.baseUrl()
                    .map(url -> ExchangeEnvironment.of(url, arguments.productionConfirmed()))
                    .orElseGet(() -> ExchangeEnvironment.named(arguments.env(), arguments.productionConfirmed()));
            Optional<ApiCredentials> credentials = credentials(arguments, target);
            KalshiClient client = new KalshiClient(target, credentials, RateLimits.BASIC, Duration.ofSeconds(10),
                    Clock.systemUTC());
            if (arguments.isPrivate() && credentials.isEmpty()) {
                err.println("tradeloop exchange: '" + arguments.command() + "' needs credentials: --key-id and "
                        + "--key-file, or " + ApiCredentials.KEY_ID_VARIABLE + " and " + ApiCredentials.KEY_PATH_VARIABLE);
                return 1;
            }
            if (arguments.command().equals("probe")) {
                new Probe(out, client, credentials.get()).run(Optional.ofNullable(arguments.ticker()), arguments.series());
            } else {
                new Report(out).print(arguments, client);
            }
            return 0;
        } catch (ExchangeException | InvalidCredentialsException e) {
            err.println("tradeloop exchange: " + e.getMessage());
            return 1;
        } catch (IllegalArgumentException e) {
            err.println("tradeloop exchange: " + e.getMessage());
            return 2;
        }
    }

    private Optional<ApiCredentials> credentials(Arguments arguments, ExchangeEnvironment target) {
        Optional<ApiCredentials> given = ApiCredentials.resolve(arguments.keyId(), arguments.keyFile().map(Path::of),
                environment);
        if (given.isPresent() || !target.equals(ExchangeEnvironment.SIM)) {
            return given;
        }
        return paperKey();
    }

    /** The local stack's paper-trading key, made by {@code ./tradeloop up}. */
    private Optional<ApiCredentials> paperKey() {
        Optional<Path> directory = Optional.ofNullable(environment.get("TRADELOOP_PAPER_KEY_DIR")).map(Path::of);
        if (directory.isEmpty() || !Files.exists(directory.get().resolve("paper.key-id"))) {
            return Optional.empty();
        }
        try {
            String keyId = Files.readString(directory.get().resolve("paper.key-id")).trim();
            return ApiCredentials.resolve(Optional.of(keyId), Optional.of(directory.get().resolve("paper.key.pem")),
                    Map.of());
        } catch (java.io.IOException e) {
            throw new InvalidCredentialsException("cannot read the paper key in " + directory.get());
        }
    }

    /** What each command prints. */
    static final class Report {
        private final PrintStream out;

        Report(PrintStream out) {
            this.out = out;
        }

        void print(Arguments arguments, KalshiClient client) {
            switch (arguments.command()) {
                case "markets" -> markets(client.allMarkets(arguments.status().map(s -> Map.of("status", s)).orElse(Map.of())));
                case "market" -> market(client.market(arguments.ticker()));
                case "orderbook" -> orderbook(arguments.ticker(), client.orderBook(arguments.ticker(), 0));
                case "balance" -> {
                    Balance balance = client.balance();
                    out.println("balance: $" + balance.dollars());
                    balance.balanceBreakdown().forEach(shard -> out.println("  exchange shard " + shard.exchangeIndex()
                            + ": $" + shard.balance()));
                }
                case "positions" -> positions(client.positions(Optional.empty(), 1000).items());
                case "orders" -> orders(client.orders(Map.of(), Optional.empty(), 1000).items());
                case "fills" -> fills(client.fills(Map.of(), Optional.empty(), 1000).items());
                case "check" -> check(client, arguments.series());
                default -> throw new IllegalArgumentException("unknown command " + arguments.command());
            }
        }

        /** The checks a trader runs before trusting the loop with an account: all read-only. */
        void check(KalshiClient client, List<String> series) {
            out.println("exchange:    " + client.environment().name() + " (" + client.environment().restBase() + ")"
                    + (client.environment().isProduction() ? "  REAL MONEY" : ""));
            Balance balance = client.balance();
            out.println("credentials: accepted (a signed request went through, so this clock is within the "
                    + "exchange's tolerance)");
            AccountLimits limits = client.accountLimits();
            out.println("tier:        " + limits.usageTier() + ": reads " + limits.read().refillRate()
                    + " tokens/s (bucket " + limits.read().bucketCapacity() + "), writes " + limits.write().refillRate()
                    + " tokens/s (bucket " + limits.write().bucketCapacity() + "); every service of this account "
                    + "shares them");
            out.println("balance:     $" + balance.dollars() + " over every shard");
            balance.balanceBreakdown().forEach(shard -> out.println("             exchange shard "
                    + shard.exchangeIndex() + ": $" + shard.balance()));
            for (String one : series) {
                List<Market> markets = client.allMarkets(Map.of("series_ticker", one, "status", "open"));
                out.println("series " + one + ": " + markets.size() + " open market(s)");
                markets.forEach(m -> out.println("  " + m.ticker() + "  shard " + m.shard() + "  "
                        + (m.priceLevelStructure() == null ? "prices " + m.priceRanges() : m.priceLevelStructure())
                        + "  cash on its shard $" + balance.onShard(m.shard())));
            }
        }

        private void markets(List<Market> markets) {
            out.printf("%-28s %-10s %-8s %-8s %-8s %-12s %s%n", "TICKER", "STATUS", "YES BID", "YES ASK", "LAST",
                    "VOLUME", "CLOSES");
            for (Market m : markets) {
                out.printf("%-28s %-10s %-8s %-8s %-8s %-12s %s%n", m.ticker(), m.status(), m.yesBidDollars(),
                        m.yesAskDollars(), m.lastPriceDollars(), m.volumeFp(), m.closeTime());
            }
            out.println(markets.size() + " markets");
        }

        private void market(Market m) {
            out.println(m.ticker() + "  (" + m.status() + ")  " + m.title());
            out.println("  event:    " + m.eventTicker());
            out.println("  YES:      bid " + m.yesBidDollars() + "  ask " + m.yesAskDollars());
            out.println("  NO:       bid " + m.noBidDollars() + "  ask " + m.noAskDollars());
            out.println("  last:     " + m.lastPriceDollars() + "   volume " + m.volumeFp());
            out.println("  opens:    " + m.openTime());
            out.println("  closes:   " + m.closeTime());
            out.println("  prices:   " + m.priceLevelStructure() + " " + m.priceRanges());
        }

        private void orderbook(String ticker, OrderBookSnapshot book) {
            out.println(ticker + " bids, best first (a NO bid at p is a YES ask at 1 - p)");
            out.printf("  %-20s %-20s%n", "YES BID   SIZE", "NO BID    SIZE");
            int rows = Math.max(book.yesBids().size(), book.noBids().size());
            for (int i = 0; i < rows; i++) {
                out.printf("  %-20s %-20s%n", level(book.yesBids(), i), level(book.noBids(), i));
            }
            if (rows == 0) {
                out.println("  (empty)");
            }
        }

        private static String level(List<OrderBookSnapshot.Level> levels, int fromBest) {
            if (fromBest >= levels.size()) {
                return "";
            }
            OrderBookSnapshot.Level level = levels.get(levels.size() - 1 - fromBest);
            return level.price() + "  " + level.size();
        }

        private void positions(List<MarketPosition> positions) {
            out.printf("%-28s %-6s %-10s %-12s %s%n", "TICKER", "SIDE", "SIZE", "EXPOSURE", "FEES PAID");
            for (MarketPosition p : positions) {
                out.printf("%-28s %-6s %-10s %-12s %s%n", p.ticker(), p.isNo() ? "NO" : "YES", p.size(),
                        p.marketExposureDollars(), p.feesPaidDollars());
            }
            out.println(positions.size() + " positions");
        }

        private void orders(List<Order> orders) {
            out.printf("%-28s %-28s %-5s %-9s %-8s %-8s %s%n", "ORDER", "TICKER", "SIDE", "STATUS", "YES PX",
                    "FILLED", "REMAINING");
            for (Order o : orders) {
                out.printf("%-28s %-28s %-5s %-9s %-8s %-8s %s%n", o.orderId(), o.ticker(), o.bookSide(), o.status(),
                        o.yesPriceDollars(), o.fillCountFp(), o.remainingCountFp());
            }
            out.println(orders.size() + " orders");
        }

        private void fills(List<Fill> fills) {
            out.printf("%-28s %-28s %-5s %-8s %-8s %-10s %s%n", "TRADE", "TICKER", "SIDE", "COUNT", "YES PX", "FEE", "AT");
            Money fees = Money.ZERO;
            for (Fill f : fills) {
                out.printf("%-28s %-28s %-5s %-8s %-8s %-10s %s%n", f.dedupeId(), f.ticker(), f.bookSide(), f.countFp(),
                        f.yesPriceDollars(), f.feeCost(), f.createdTime());
                fees = fees.plus(f.feeCost());
            }
            out.println(fills.size() + " fills, fees $" + fees);
        }
    }
}
