package dev.tradeloop.edge.marketdata;

import dev.tradeloop.edge.MarketInfo;
import dev.tradeloop.edge.TickSequence;
import dev.tradeloop.edge.Ticks;
import dev.tradeloop.events.OperationalError.ErrorKind;
import dev.tradeloop.events.PriceTick;
import dev.tradeloop.events.Topics;
import dev.tradeloop.exchange.ExchangeEnvironment;
import dev.tradeloop.exchange.auth.ApiCredentials;
import dev.tradeloop.exchange.feed.FeedListener;
import dev.tradeloop.exchange.feed.FeedMessages;
import dev.tradeloop.exchange.feed.LocalBook;
import dev.tradeloop.exchange.feed.MarketFeed;
import dev.tradeloop.exchange.model.Market;
import dev.tradeloop.exchange.model.Series;
import dev.tradeloop.exchange.model.Settlement;
import dev.tradeloop.exchange.rest.ExchangeException;
import dev.tradeloop.exchange.rest.KalshiClient;
import dev.tradeloop.support.EventPublisher;
import dev.tradeloop.support.OperationalErrors;
import dev.tradeloop.support.Workers;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The exchange's market data into {@code price-ticks}: at start (and every refresh) the open markets
 * are listed over REST and each gets a tick from that snapshot; then the WebSocket feed's books and
 * ticker messages become ticks, numbered per market, and a tick that says nothing new is not sent.
 * After a sequence gap the feed rebuilds the book from REST and the next tick carries it.
 */
@ApplicationScoped
public class MarketDataFeed implements FeedListener {

    private final MarketDataConfig config;
    private final Instance<KalshiClient> client;
    private final Instance<ApiCredentials> credentials;
    private final Instance<ExchangeEnvironment> environment;
    private final EventPublisher publisher;
    private final OperationalErrors errors;
    private final Clock clock;
    private final TickSequence sequence;
    private final io.micrometer.core.instrument.MeterRegistry registry;
    private final Map<String, MarketInfo> markets = new ConcurrentHashMap<>();
    /** Markets that left the open list and whose result is not known yet. */
    private final Set<String> awaitingResult = ConcurrentHashMap.newKeySet();
    /** The last tick handed to the producer per market; a tick the broker did not take is removed. */
    private final Map<String, PriceTick> lastSent = new ConcurrentHashMap<>();
    private final Map<String, LocalBook> books = new ConcurrentHashMap<>();
    private final ScheduledExecutorService refresher = Executors.newSingleThreadScheduledExecutor(
            runnable -> new Thread(runnable, "market-list-refresh"));
    private MarketFeed feed;
    private final SeriesFees fees = new SeriesFees();
    private final Set<String> unwatchable = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final Workers workers;

    public MarketDataFeed(MarketDataConfig config, Instance<KalshiClient> client, Instance<ApiCredentials> credentials,
            Instance<ExchangeEnvironment> environment, EventPublisher publisher, OperationalErrors errors, Clock clock,
            io.micrometer.core.instrument.MeterRegistry registry, Workers workers) {
        this.workers = workers;
        this.registry = registry;
        this.config = config;
        this.client = client;
        this.credentials = credentials;
        this.environment = environment;
        this.publisher = publisher;
        this.errors = errors;
        this.clock = clock;
        this.sequence = new TickSequence(clock);
    }

    void onStart(@Observes StartupEvent start) {
        if (!config.enabled()) {
            Log.info("market data is off (tradeloop.market-data.enabled=false): this instance publishes no ticks");
            return;
        }
        KalshiClient rest = client.get();
        Set<String> open = listOpenMarkets(rest);
        try {
            feed = new MarketFeed(environment.get(), credentials.get(), rest, clock, Set.of("orderbook_delta", "ticker"),
                    open, this, config.staleAfter(), config.marketsPerSubscription());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("tradeloop.market-data.markets-per-subscription: " + e.getMessage(), e);
        }
        feed.start();
        long every = config.refresh().toMillis();
        refresher.scheduleWithFixedDelay(workers.rounds("market-list-refresh", this::refresh), every, every,
                TimeUnit.MILLISECONDS);
        Log.infof("watching %d open markets on %s", open.size(), environment.get().restBase());
    }

    void onStop(@Observes ShutdownEvent stop) {
        refresher.shutdownNow();
        if (feed != null) {
            feed.close();
        }
    }

    /**
     * Lists the open markets and returns their tickers; a market not watched before gets a tick from
     * the listing (the REST snapshot), so consumers know it before its first book arrives, and a market
     * whose close time moved carries the new one in its next ticks.
     */
    private Set<String> listOpenMarkets(KalshiClient rest) {
        List<Market> open = new java.util.ArrayList<>();
        if (config.series().isEmpty()) {
            open.addAll(rest.allMarkets(Map.of("status", "open")));
        } else {
            for (String series : config.series().get()) {
                open.addAll(rest.allMarkets(Map.of("status", "open", "series_ticker", series)));
            }
        }
        Set<String> tickers = new HashSet<>();
        for (Market market : open) {
            if (!markets.containsKey(market.ticker()) && !feesKnown(rest, market)) {
                continue; // not watched until what its series charges is known: an edge needs the fee
            }
            tickers.add(market.ticker());
            java.math.BigDecimal multiplier = fees.of(rest, market.eventTicker()).feeMultiplier();
            MarketInfo known = markets.putIfAbsent(market.ticker(), Ticks.infoOf(market, multiplier));
            if (known == null) {
                send(Ticks.fromMarket(market, multiplier, sequence.next(market.ticker()), clock.instant()));
            } else if (market.closeTime() != null && !market.closeTime().equals(known.closeTime())) {
                // the exchange moved the close (a paper scenario resumed after a pause, a real market extended)
                markets.computeIfPresent(market.ticker(), (ticker, info) -> info.withCloseTime(market.closeTime()));
                Log.infof("market %s now closes at %s", market.ticker(), market.closeTime());
            }
        }
        return tickers;
    }

    /**
     * True when the fees of the market's series are known and are a schedule the edge can estimate
     * (Kalshi's quadratic ones); a series that cannot be read now is tried again at the next refresh.
     */
    private boolean feesKnown(KalshiClient rest, Market market) {
        try {
            Series series = fees.of(rest, market.eventTicker());
            if (series.feeType().equals("flat")) {
                if (unwatchable.add(market.ticker())) {
                    Log.warnf("market %s is not watched: its series %s charges flat fees, which the edge cannot "
                            + "estimate", market.ticker(), series.ticker());
                }
                return false;
            }
            return true;
        } catch (ExchangeException e) {
            Log.warnf("market %s is not watched yet: its series' fees cannot be read (%s)", market.ticker(),
                    e.getMessage());
            return false;
        }
    }

    private void refresh() {
        try {
            Set<String> before = Set.copyOf(markets.keySet());
            Set<String> open = listOpenMarkets(client.get());
            Set<String> added = new HashSet<>(open);
            added.removeAll(before);
            Set<String> gone = new HashSet<>(before);
            gone.removeAll(open);
            if (!added.isEmpty()) {
                feed.addMarkets(added);
            }
            if (!gone.isEmpty()) {
                feed.removeMarkets(gone);
                gone.forEach(markets::remove);
                awaitingResult.addAll(gone);
            }
            for (String ticker : Set.copyOf(awaitingResult)) {
                reportEnd(client.get(), ticker);
            }
        } catch (ExchangeException e) {
            errors.report(ErrorKind.EXCHANGE_API, "list markets", e.getMessage(), "market-data");
        } catch (RuntimeException e) {
            Log.errorf(e, "refreshing the market list failed");
        }
    }

    /**
     * A market that left the open list: its status (closed, then settled) goes out as a tick, and once
     * it is settled with a result, that last tick says which side won; then it is no longer followed.
     */
    private void reportEnd(KalshiClient rest, String ticker) {
        try {
            Market market = rest.market(ticker);
            PriceTick tick = Ticks.fromMarket(market, fees.of(rest, market.eventTicker()).feeMultiplier(),
                    sequence.next(ticker), clock.instant());
            if (tick.result().isPresent()) {
                tick = withWhatTheAccountWasPaid(rest, tick);
            }
            send(tick);
            if (tick.result().isPresent()) {
                awaitingResult.remove(ticker);
                Log.infof("market %s settled: %s won", ticker, tick.result().get());
            }
        } catch (ExchangeException.NotFound e) {
            awaitingResult.remove(ticker);
        }
    }

    /**
     * The settled market's last tick says what the exchange paid the account for it ({@code GET
     * /portfolio/settlements}), for the monitor to check against what the positions held expected. A
     * market the account held nothing of is not listed there, and neither, for a moment, is one just
     * finalized: then the tick says nothing, and nothing is checked.
     */
    private PriceTick withWhatTheAccountWasPaid(KalshiClient rest, PriceTick tick) {
        try {
            Optional<Settlement> settlement = rest.settlements(Map.of("ticker", tick.marketTicker()), Optional.empty(),
                    100).items().stream().filter(s -> s.ticker().equals(tick.marketTicker())).findFirst();
            if (settlement.isEmpty()) {
                Log.infof("market %s settled; the exchange lists no settlement of it for this account", tick.marketTicker());
            }
            return tick.withAccountSettlement(settlement.map(Settlement::revenueDollars));
        } catch (ExchangeException | IllegalArgumentException e) {
            Log.warnf("market %s settled, but what it paid the account cannot be read (%s): not checked",
                    tick.marketTicker(), e.getMessage());
            return tick;
        }
    }

    @Override
    public void onBook(LocalBook book) {
        books.put(book.ticker(), book);
        sendFromBook(book.ticker());
    }

    /** Volume and last price come with ticker messages; the book stays what the deltas made it. */
    @Override
    public void onTicker(FeedMessages.TickerUpdate ticker) {
        markets.computeIfPresent(ticker.ticker(), (t, info) -> info.withActivity(ticker.volume(), ticker.lastPrice()));
        sendFromBook(ticker.ticker());
    }

    private void sendFromBook(String ticker) {
        MarketInfo info = markets.get(ticker);
        LocalBook book = books.get(ticker);
        if (info != null && book != null) {
            send(Ticks.fromBook(book, info, sequence.next(ticker), clock.instant()));
        }
    }

    @Override
    public void onResync(String ticker, String reason) {
        Log.warnf("market %s resynchronized from a REST snapshot: %s", ticker, reason);
        String cause = reason.startsWith("stale") ? "stale" : reason.startsWith("sequence gap") ? "sequence-gap"
                : reason.startsWith("reconnected") ? "reconnected" : reason.startsWith("subscription ended")
                        ? "subscription-ended" : "other";
        registry.counter("tradeloop.market.resyncs", "cause", cause).increment();
    }

    /** Whether the market feed is live: empty when this instance reads no market data. */
    public java.util.Optional<Boolean> feedLive() {
        return feed == null ? java.util.Optional.empty() : java.util.Optional.of(feed.isLive());
    }

    /**
     * Publishes a tick whose quote differs from the last one sent, without waiting for the broker
     * (the next tick of a market supersedes this one, and a wait per tick would cap the feed at the
     * broker's round trip); the order of a market's ticks is kept. A tick the broker did not take is
     * counted ({@code tradeloop.ticks.unpublished}) and forgotten as the last sent, so the next
     * quote goes out even if it is the same.
     */
    private synchronized void send(PriceTick tick) {
        PriceTick previous = lastSent.get(tick.marketTicker());
        if (previous != null && Ticks.sameQuote(previous, tick)) {
            return;
        }
        lastSent.put(tick.marketTicker(), tick);
        try {
            publisher.publishWithoutWaiting(Topics.PRICE_TICKS, tick.marketTicker(), tick,
                    failure -> failure.ifPresent(e -> unpublished(tick, e)));
        } catch (RuntimeException e) {
            unpublished(tick, e);
        }
    }

    private void unpublished(PriceTick tick, Exception why) {
        lastSent.remove(tick.marketTicker(), tick);
        registry.counter("tradeloop.ticks.unpublished").increment();
        Log.errorf("tick %d of %s not published: %s", tick.sequence(), tick.marketTicker(), why.getMessage());
    }
}
