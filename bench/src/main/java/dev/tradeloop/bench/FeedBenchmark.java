package dev.tradeloop.bench;

import dev.tradeloop.events.Action;
import dev.tradeloop.events.MarketStatus;
import dev.tradeloop.events.PriceTick;
import dev.tradeloop.events.Side;
import dev.tradeloop.events.Topics;
import dev.tradeloop.events.money.Contracts;
import dev.tradeloop.events.money.Price;
import dev.tradeloop.exchange.model.NewOrder;
import dev.tradeloop.testkit.ServiceProcess;
import dev.tradeloop.testkit.TestExchange;
import dev.tradeloop.testkit.TestKafka;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.DoubleAdder;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * edge-service's market data path, end to end: the packaged edge-service, on the project's simulator
 * (the Kalshi API, its WebSocket feed) and a real broker, turns book changes into {@code price-ticks}
 * as fast as it can. The simulator moves a bid of its own on each market (its admin {@code flicker}),
 * every move two changes of the top of the book (the bid leaves one price, then comes to the other); the
 * figure is the ticks per second that reach the topic, next to the simulator's book changes per second (the
 * source: the edge cannot go faster than it) and a bare producer (the same settings as the
 * service's publisher: acks=all, idempotent, linger 0) sending as many encoded ticks.
 */
public final class FeedBenchmark {

    private static final Path ROOT = Path.of(System.getProperty("tradeloop.root", ".")).toAbsolutePath().normalize();
    private static final int CHUNK = 250;

    private final TestKafka kafka = TestKafka.get();
    private final TestExchange exchange = TestExchange.get();
    private final int markets;
    private final int moves;
    private final int warmup;
    private final String prefix = "KXFEED" + UUID.randomUUID().toString().substring(0, 4).toUpperCase();
    private final AtomicLong ticks = new AtomicLong();
    private final AtomicLong lastTickNanos = new AtomicLong();
    private final Set<String> heard = ConcurrentHashMap.newKeySet();

    private FeedBenchmark(Map<String, Integer> options) {
        this.markets = options.getOrDefault("markets", 20);
        this.moves = options.getOrDefault("moves", 5_000);
        this.warmup = options.getOrDefault("warmup", 2_000);
    }

    public static void main(String[] args) {
        try {
            org.jboss.logmanager.LogContext.getLogContext().getLogger("").setLevel(java.util.logging.Level.INFO);
            Map<String, Integer> options = new HashMap<>();
            for (int i = 0; i + 1 < args.length; i += 2) {
                options.put(args[i].replaceFirst("^--", ""), Integer.parseInt(args[i + 1]));
            }
            new FeedBenchmark(options).run();
            System.exit(0);
        } catch (Exception | Error e) {
            e.printStackTrace();
            System.exit(1);
        }
    }

    private void run() throws Exception {
        System.out.printf("feed benchmark: %d markets, %d moves of the top of each book (after %d to warm up)%n",
                markets, moves, warmup);
        List<String> tickers = new ArrayList<>();
        for (int m = 0; m < markets; m++) {
            String ticker = prefix + "-" + m;
            exchange.listMarket(ticker, prefix, Instant.now().plus(Duration.ofDays(1)));
            exchange.maker().createOrder(NewOrder.of(ticker, Side.YES, Action.BUY, Contracts.whole(100),
                    Price.parse("0.40"), NewOrder.GOOD_TILL_CANCELED, "bid-" + ticker));
            exchange.maker().createOrder(NewOrder.of(ticker, Side.NO, Action.BUY, Contracts.whole(100),
                    Price.parse("0.40"), NewOrder.GOOD_TILL_CANCELED, "ask-" + ticker));
            tickers.add(ticker);
        }
        Thread reader = countTicks();
        try (ServiceProcess edge = ServiceProcess.start(ROOT, "edge-service", edgeConfig())) {
            awaitEveryMarketHeard(tickers, edge); // not its health: with no trading state read, it is not ready

            flickerAll(tickers, warmup);
            awaitQuiet();
            long before = ticks.get();
            Duration edgeCpuBefore = cpu(edge);
            long started = System.nanoTime();
            double simulatorSeconds = flickerAll(tickers, moves);
            long changes = 2L * markets * moves; // a move takes the bid from one price (a change) to another (one more)
            double changesPerSecond = changes / ((System.nanoTime() - started) / 1e9);
            awaitQuiet();
            long published = ticks.get() - before;
            double edgeCpuMicros = cpu(edge).minus(edgeCpuBefore).toNanos() / 1e3;
            double edgeSeconds = (lastTickNanos.get() - started) / 1e9;
            double producerPerSecond = bareProducer(published);
            reader.interrupt();
            System.out.printf("  the simulator spent %.1f s of its exchange's time on the moves; edge-service used"
                    + " %.1f s of CPU for its %,d ticks: %.0f µs a tick, its own consumer of price-ticks included%n",
                    simulatorSeconds, edgeCpuMicros / 1e6, published, edgeCpuMicros / published);
            System.out.println();
            System.out.println("| path | ticks | ticks/s | against the bare producer |");
            System.out.println("|---|---|---|---|");
            System.out.printf("| simulator: book changes sent on the feed (the source) | %,d | %,.0f | %.0f %% |%n",
                    changes, changesPerSecond, 100 * changesPerSecond / producerPerSecond);
            System.out.printf("| edge-service: feed to `price-ticks` | %,d | %,.0f | %.0f %% |%n", published,
                    published / edgeSeconds, 100 * published / edgeSeconds / producerPerSecond);
            System.out.printf("| bare producer (baseline): encoded ticks to `price-ticks` | %,d | %,.0f | 100 %% |%n",
                    published, producerPerSecond);
        }
    }

    /** The CPU time the process has used so far, all its threads. */
    private static Duration cpu(ServiceProcess process) {
        return ProcessHandle.of(process.pid()).flatMap(handle -> handle.info().totalCpuDuration())
                .orElseThrow(() -> new IllegalStateException("this system does not say a process's CPU time"));
    }

    private Map<String, String> edgeConfig() throws Exception {
        Map<String, String> config = new HashMap<>(exchange.serviceConfig());
        config.putAll(kafka.serviceConfig());
        Path credentials = ROOT.resolve("bench/target/feed-models");
        Files.createDirectories(credentials.getParent());
        Files.writeString(credentials, ""); // no model posts predictions here
        config.put("tradeloop.models.credentials-file", credentials.toString());
        config.put("tradeloop.market-data.series", prefix);
        return config;
    }

    /** Counts this run's ticks on {@code price-ticks} from now on, noting when the last one arrived. */
    private Thread countTicks() {
        Map<String, Object> settings = new HashMap<>(kafka.adminSettings());
        settings.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(settings, new StringDeserializer(),
                new ByteArrayDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(Topics.PRICE_TICKS.name()).stream()
                .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        Thread thread = new Thread(() -> {
            try (consumer) {
                while (!Thread.currentThread().isInterrupted()) {
                    consumer.poll(Duration.ofMillis(100)).forEach(record -> {
                        if (record.key().startsWith(prefix + "-")) {
                            heard.add(record.key());
                            ticks.incrementAndGet();
                            lastTickNanos.set(System.nanoTime());
                        }
                    });
                }
            } catch (org.apache.kafka.common.errors.InterruptException e) {
                Thread.currentThread().interrupt();
            }
        }, "feed-bench-reader");
        thread.start();
        return thread;
    }

    private void awaitEveryMarketHeard(List<String> tickers, ServiceProcess edge) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        while (!heard.containsAll(tickers)) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("edge-service sent no tick for " + tickers.stream()
                        .filter(t -> !heard.contains(t)).toList() + " within 120 s; its log:\n" + edge.tail());
            }
            Thread.sleep(100); // polling what the reader heard
        }
    }

    /** Until no tick of this run has arrived for 3 s: what the edge had to send is sent. */
    private void awaitQuiet() throws InterruptedException {
        long seen = -1;
        while (ticks.get() != seen) {
            seen = ticks.get();
            Thread.sleep(3_000); // a quiet period, not a condition: the count stops growing
        }
    }

    /** {@code count} moves on every market, the markets side by side; answers the simulator's total seconds. */
    private double flickerAll(List<String> tickers, int count) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        DoubleAdder seconds = new DoubleAdder();
        try {
            List<Future<?>> done = new ArrayList<>();
            for (String ticker : tickers) {
                done.add(pool.submit(() -> {
                    for (int left = count; left > 0; left -= CHUNK) {
                        seconds.add(exchange.flicker(ticker, Math.min(CHUNK, left), "0.41", "0.42"));
                    }
                }));
            }
            for (Future<?> each : done) {
                each.get();
            }
        } finally {
            pool.shutdown();
        }
        return seconds.sum();
    }

    /** Sends {@code count} encoded ticks with the service publisher's settings; answers ticks per second. */
    private double bareProducer(long count) {
        Map<String, Object> settings = new HashMap<>(kafka.adminSettings());
        settings.put(ProducerConfig.ACKS_CONFIG, "all");
        settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        settings.put(ProducerConfig.LINGER_MS_CONFIG, "0");
        List<byte[]> encoded = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            encoded.add(Topics.PRICE_TICKS.codec().encode(tick(prefix + "-PRODUCER-" + (i % markets), i)));
        }
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(settings, new StringSerializer(),
                new ByteArraySerializer())) {
            long started = System.nanoTime();
            for (long i = 0; i < count; i++) {
                producer.send(new ProducerRecord<>(Topics.PRICE_TICKS.name(), "PRODUCER-" + (i % markets),
                        encoded.get((int) (i % encoded.size()))));
            }
            producer.flush();
            return count / ((System.nanoTime() - started) / 1e9);
        }
    }

    private static PriceTick tick(String market, long sequence) {
        Instant now = Instant.now();
        Price bid = Price.parse(sequence % 2 == 0 ? "0.41" : "0.42");
        return new PriceTick(UUID.randomUUID(), now, "bench", market, "KXFEED", MarketStatus.OPEN, Optional.empty(),
                bid, Price.parse("0.60"), Price.parse("0.40"), bid.complement(), Optional.empty(),
                Contracts.whole(0), now.plus(Duration.ofDays(1)), sequence, now);
    }
}
