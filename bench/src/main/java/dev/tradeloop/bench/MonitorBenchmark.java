package dev.tradeloop.bench;

import dev.tradeloop.events.Action;
import dev.tradeloop.events.ExitTrigger;
import dev.tradeloop.events.Fill;
import dev.tradeloop.events.MarketStatus;
import dev.tradeloop.events.MethodRef;
import dev.tradeloop.events.OrderPurpose;
import dev.tradeloop.events.PositionEvent;
import dev.tradeloop.events.PriceTick;
import dev.tradeloop.events.Side;
import dev.tradeloop.events.Topics;
import dev.tradeloop.events.money.Contracts;
import dev.tradeloop.events.money.Money;
import dev.tradeloop.events.money.Price;
import dev.tradeloop.testkit.TestKafka;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.admin.NewTopic;
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
 * The monitor on a real broker: many open positions over many markets, a steady tick rate, and now
 * and then a tick that crashes one market's price so every position on it triggers its stop loss.
 * Reports tick-to-exit-trigger latency (from the tick's send to the trigger's arrival at a
 * read-committed consumer) and the sustained rate of ticks and position evaluations, for the monitor
 * with exactly-once and with at-least-once, next to a bare pipe (ticks in, the same bytes out, no logic)
 * measured in the same run. Each application runs in a JVM of its own ({@link StreamsProcess}), with a
 * service's heap, and is warmed up at the steady rate before it is measured (a service has been running
 * for a while; a cold JIT compiling the monitor's code took a core from a measured run).
 */
public final class MonitorBenchmark {

    private static final String PIPE_OUT = StreamsApp.PIPE_OUT;
    private static final MethodRef METHOD = new MethodRef("kelly-quarter", 1);

    private final TestKafka kafka = TestKafka.get();
    private final KafkaProducer<String, byte[]> producer;
    private final int markets;
    private final int perMarket;
    private final int rate;
    private final int seconds;
    private final int flood;
    private final int commitMillis;
    private final int warmup;
    private final String appHeap = System.getenv().getOrDefault("BENCH_APP_HEAP", "256m");
    private final AtomicLong sequence = new AtomicLong();

    private MonitorBenchmark(Map<String, Integer> options) {
        this.markets = options.getOrDefault("markets", 500);
        this.perMarket = options.getOrDefault("per-market", 20);
        this.rate = options.getOrDefault("rate", 1000);
        this.seconds = options.getOrDefault("seconds", 30);
        this.flood = options.getOrDefault("flood", 50_000);
        this.commitMillis = options.getOrDefault("commit-ms", 100);
        this.warmup = options.getOrDefault("warmup", 30);
        Properties config = new Properties();
        config.putAll(kafka.adminSettings());
        config.put(ProducerConfig.LINGER_MS_CONFIG, "1");
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        this.producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    }

    public static void main(String[] args) {
        try {
            run(args);
            System.exit(0);
        } catch (Exception | Error e) {
            e.printStackTrace();
            System.exit(1); // the streams' threads would keep the JVM, and the cores, busy
        }
    }

    private static void run(String[] args) throws Exception {
        // logging as the services log (INFO): left unconfigured, every TRACE line of the Kafka clients and
        // Streams was formatted, 7 % of the stream threads' time in a profile, a cost the services do not pay
        org.jboss.logmanager.LogContext.getLogContext().getLogger("").setLevel(java.util.logging.Level.INFO);
        Map<String, Integer> options = new java.util.HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), Integer.parseInt(args[i + 1]));
        }
        MonitorBenchmark bench = new MonitorBenchmark(options);
        System.out.printf("monitor benchmark: %d markets x %d positions = %d positions; %d ticks/s for %d s after %d s"
                + " of warm-up (stopping out the positions of %d markets more); flood of %d ticks; commit every %d ms;"
                + " each stream application in its own JVM with -Xmx%s%n", bench.markets, bench.perMarket,
                bench.markets * bench.perMarket, bench.rate, bench.seconds, bench.warmup, bench.warmupMarkets(),
                bench.flood, bench.commitMillis, bench.appHeap);
        bench.kafka.admin().createTopics(List.of(new NewTopic(PIPE_OUT, Topics.MARKET_PARTITIONS, (short) 1))).all().get();
        List<String> rows = new ArrayList<>();
        rows.add(bench.pipe("exactly_once_v2"));
        rows.add(bench.monitor("exactly_once_v2"));
        rows.add(bench.pipe("at_least_once"));
        rows.add(bench.monitor("at_least_once"));
        System.out.println();
        System.out.println("| run | guarantee | latency p50 ms | p99 ms | p99.9 ms | samples | sustained ticks/s "
                + "| evaluations/s | records out/s (steady) | GC collections | GC pause ms | peak heap MB |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|---|---|");
        rows.forEach(System.out::println);
        bench.producer.close();
    }

    /** The baseline: the same ticks through a topology that only copies them to another topic. */
    private String pipe(String guarantee) throws Exception {
        String prefix = "PIPE" + guarantee.charAt(0) + "-";
        try (StreamsProcess app = StreamsProcess.start("pipe", guarantee, "bench-pipe-" + guarantee, commitMillis,
                appHeap); KafkaConsumer<String, byte[]> out = consumerAtEnd(PIPE_OUT)) {
            settle();
            Latencies latencies = new Latencies();
            Map<String, Long> sentAt = new ConcurrentHashMap<>();
            Thread reader = readAll(out, record -> {
                Long sent = sentAt.remove(record.key());
                if (sent != null) {
                    latencies.add(micros() - sent);
                }
            });
            steadyTicks(prefix, StopLosses.NONE, (market, at, stopLoss) -> { }, warmup);
            app.measure();
            long out0 = recordsIn(PIPE_OUT);
            steadyTicks(prefix, StopLosses.NONE, (market, at, stopLoss) -> sentAt.put(market, at), seconds);
            double outPerSecond = (recordsIn(PIPE_OUT) - out0) / (double) seconds;
            double throughput = floodThroughput(prefix, "bench-pipe-" + guarantee);
            stop(reader);
            return row("bare pipe (baseline)", guarantee, latencies, throughput, 1, outPerSecond,
                    app.stopAndGcFigures());
        }
    }

    private String monitor(String guarantee) throws Exception {
        String prefix = "MON" + guarantee.charAt(0) + "-";
        String application = "bench-monitor-" + guarantee;
        try (StreamsProcess app = StreamsProcess.start("monitor", guarantee, application, commitMillis, appHeap);
                KafkaConsumer<String, byte[]> events = consumerAtEnd(Topics.POSITION_EVENTS.name());
                KafkaConsumer<String, byte[]> triggers = consumerAtEnd(Topics.EXIT_TRIGGERS.name())) {
            settle();
            open(prefix, events);
            Latencies latencies = new Latencies();
            Map<String, Long> crashedAt = new ConcurrentHashMap<>();
            Map<String, Integer> triggered = new ConcurrentHashMap<>();
            Thread reader = readAll(triggers, record -> {
                ExitTrigger trigger = Topics.EXIT_TRIGGERS.codec().decode(record.value());
                Long crashed = crashedAt.get(trigger.marketTicker());
                if (crashed != null) {
                    latencies.add(micros() - crashed);
                    triggered.merge(trigger.marketTicker(), 1, Integer::sum);
                }
            });
            // the warm-up also triggers exits, on markets of its own: a path the measured run takes (writing the
            // store, encoding triggers, the first sends to their topics) is not run for the first time measured
            steadyTicks(prefix, new StopLosses(markets, warmupMarkets()), (market, at, stopLoss) -> { }, warmup);
            app.measure();
            long events0 = recordsIn(Topics.POSITION_EVENTS.name());
            long marks0 = recordsIn(Topics.POSITION_MARKS.name());
            steadyTicks(prefix, new StopLosses(0, markets), (market, at, stopLoss) -> {
                if (stopLoss) {
                    crashedAt.put(market, at);
                }
            }, seconds);
            long changes = recordsIn(Topics.POSITION_EVENTS.name()) - events0;
            long marks = recordsIn(Topics.POSITION_MARKS.name()) - marks0;
            double throughput = floodThroughput(prefix, application);
            stop(reader);
            System.out.printf("  %s: while ticking, %,.0f position events/s and %,.0f marks/s%n", guarantee,
                    changes / (double) seconds, marks / (double) seconds);
            System.out.printf("  %s: %d exit triggers measured; median latency (ms) by tenth of the run: %s%n",
                    guarantee, latencies.count(), latencies.medianByTenth());
            List<String> missing = crashedAt.keySet().stream().filter(m -> triggered.getOrDefault(m, 0) != perMarket)
                    .sorted().toList();
            if (!missing.isEmpty()) {
                System.out.printf("  %s: %d stop-loss markets without %d triggers each: %s%n", guarantee,
                        missing.size(), perMarket, missing.stream().limit(10)
                                .map(m -> m + "=" + triggered.getOrDefault(m, 0)).toList());
            }
            return row("monitor", guarantee, latencies, throughput, perMarket, (changes + marks) / (double) seconds,
                    app.stopAndGcFigures());
        }
    }

    /** The markets, after the measured ones, whose positions the warm-up stops out: a tenth as many. */
    private int warmupMarkets() {
        return Math.max(1, markets / 10);
    }

    /**
     * Opens every position, on the measured markets and the warm-up's: a tick and the entry fills of each market,
     * then waits for every PositionOpened.
     */
    private void open(String prefix, KafkaConsumer<String, byte[]> events) throws Exception {
        long started = System.nanoTime();
        int total = markets + warmupMarkets();
        for (int m = 0; m < total; m++) {
            String market = prefix + m;
            send(Topics.PRICE_TICKS.name(), market, Topics.PRICE_TICKS.codec().encode(tick(market, "0.49")));
            for (int p = 0; p < perMarket; p++) {
                String position = market + "-pos-" + p;
                Fill fill = new Fill(UUID.randomUUID(), Instant.now(), "bench", position, position + "-t", "o",
                        position + "-1", market, "KXBENCH", OrderPurpose.ENTRY, Side.YES, Action.BUY,
                        Contracts.whole(100), Price.parse("0.50"), Money.ZERO, true, Instant.now(),
                        Optional.of(new BigDecimal("0.85")), METHOD);
                send(Topics.FILLS.name(), position, Topics.FILLS.codec().encode(fill));
            }
        }
        producer.flush();
        int opened = 0;
        while (opened < total * perMarket) {
            for (var record : events.poll(Duration.ofMillis(200))) {
                PositionEvent event = Topics.POSITION_EVENTS.codec().decode(record.value());
                if (event.type().equals("PositionOpened") && event.marketTicker().startsWith(prefix)) {
                    opened++;
                }
            }
        }
        System.out.printf("  opened %d positions in %.1f s%n", opened, (System.nanoTime() - started) / 1e9);
    }

    /** The markets {@code first} to {@code first + count - 1} get a stop-loss tick each, one after another. */
    private record StopLosses(int first, int count) {
        static final StopLosses NONE = new StopLosses(0, 0);
    }

    /** A tick sent: its market, when, and whether it was a stop-loss tick. */
    private interface TickSent {
        void sent(String market, long micros, boolean stopLoss);
    }

    /**
     * {@code rate} ticks a second for {@code duration} seconds, each on a random market of the first {@code markets},
     * the bid moving between 0.48 and 0.49; {@code stopLosses} get a tick at 0.40 (a stop loss for each of their
     * positions), one market after another, evenly over the run; random ticks avoid the measured markets that had
     * theirs. {@code sent} learns each tick's send time.
     */
    private void steadyTicks(String prefix, StopLosses stopLosses, TickSent sent, int duration) throws Exception {
        java.util.Random random = new java.util.Random(20261124);
        long total = (long) rate * duration;
        long intervalNanos = 1_000_000_000L / rate;
        long crashEvery = Math.max(1, total / Math.max(1, stopLosses.count()));
        int crashed = 0;
        long start = System.nanoTime();
        for (long i = 0; i < total; i++) {
            long wait = start + i * intervalNanos - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait); // pacing the sender to the rate without spinning a core away
            }
            String market;
            String bid;
            boolean stopLoss = i % crashEvery == 0 && crashed < stopLosses.count();
            if (stopLoss) {
                market = prefix + (stopLosses.first() + crashed++);
                bid = "0.40";
            } else {
                int avoided = stopLosses.first() < markets ? Math.min(crashed, markets - 1) : 0;
                market = prefix + (avoided + random.nextInt(markets - avoided));
                bid = "0.4" + (8 + random.nextInt(2));
            }
            sent.sent(market, micros(), stopLoss);
            send(Topics.PRICE_TICKS.name(), market, Topics.PRICE_TICKS.codec().encode(tick(market, bid)));
        }
        producer.flush();
        Thread.sleep(3_000); // let the last triggers arrive before the flood starts: a drain, not a condition
    }

    /** Sends {@code flood} ticks at once and times how long the application takes to have read them all. */
    private double floodThroughput(String prefix, String application) throws Exception {
        long start = System.nanoTime();
        for (int i = 0; i < flood; i++) {
            String market = prefix + (i % markets);
            send(Topics.PRICE_TICKS.name(), market, Topics.PRICE_TICKS.codec().encode(tick(market,
                    i % 2 == 0 ? "0.49" : "0.50")));
        }
        producer.flush();
        Map<TopicPartition, Long> ends = kafka.admin().listOffsets(partitions().stream().collect(
                java.util.stream.Collectors.toMap(p -> p, p -> org.apache.kafka.clients.admin.OffsetSpec.latest())))
                .all().get().entrySet().stream().collect(java.util.stream.Collectors.toMap(Map.Entry::getKey,
                        e -> e.getValue().offset()));
        while (true) {
            var committed = kafka.admin().listConsumerGroupOffsets(application).partitionsToOffsetAndMetadata().get();
            boolean done = ends.entrySet().stream().allMatch(e -> committed.get(e.getKey()) != null
                    && committed.get(e.getKey()).offset() >= e.getValue());
            if (done) {
                break;
            }
            Thread.sleep(50); // polling the group's committed offsets
        }
        return flood / ((System.nanoTime() - start) / 1e9);
    }

    private List<TopicPartition> partitions() {
        List<TopicPartition> all = new ArrayList<>();
        for (int p = 0; p < Topics.PRICE_TICKS.partitions(); p++) {
            all.add(new TopicPartition(Topics.PRICE_TICKS.name(), p));
        }
        return all;
    }

    private PriceTick tick(String market, String yesBid) {
        Price bid = Price.parse(yesBid);
        Price ask = new Price(bid.micros() + 10_000);
        Instant now = Instant.now();
        return new PriceTick(UUID.randomUUID(), now, "bench", market, "KXBENCH", MarketStatus.OPEN, Optional.empty(), bid, ask,
                ask.complement(), bid.complement(), Optional.empty(), Contracts.whole(500), now.plusSeconds(86_400),
                sequence.incrementAndGet(), now);
    }

    private void send(String topic, String key, byte[] value) {
        producer.send(new ProducerRecord<>(topic, key, value));
    }

    /** After the application's first assignment: the rebalance settles before anything is sent. */
    private static void settle() throws InterruptedException {
        Thread.sleep(2_000); // inputs sent earlier would be skipped (auto.offset.reset=latest)
    }

    private KafkaConsumer<String, byte[]> consumerAtEnd(String topic) {
        Map<String, Object> config = new java.util.HashMap<>(kafka.adminSettings());
        config.putAll(Map.of(
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000"));
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new ByteArrayDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(info -> new TopicPartition(topic, info.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        return consumer;
    }

    private static Thread readAll(KafkaConsumer<String, byte[]> consumer,
            java.util.function.Consumer<org.apache.kafka.clients.consumer.ConsumerRecord<String, byte[]>> each) {
        Thread thread = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    consumer.poll(Duration.ofMillis(100)).forEach(each);
                } catch (org.apache.kafka.common.errors.InterruptException e) {
                    return;
                }
            }
        }, "bench-reader");
        thread.start();
        return thread;
    }

    private static void stop(Thread reader) throws InterruptedException {
        reader.interrupt();
        reader.join();
    }

    private static long micros() {
        return System.nanoTime() / 1000;
    }

    private static String row(String run, String guarantee, Latencies latencies, double ticksPerSecond,
            int evaluationsPerTick, double recordsOutPerSecond, String gc) {
        return String.format("| %s | %s | %s | %s | %s | %d | %,.0f | %,.0f | %,.0f | %s |", run, guarantee,
                latencies.percentile(50), latencies.percentile(99), latencies.percentile(99.9), latencies.count(),
                ticksPerSecond, ticksPerSecond * evaluationsPerTick, recordsOutPerSecond, gc);
    }

    /** How many records {@code topic} holds: the sum of its partitions' end offsets (transaction markers too). */
    private long recordsIn(String topic) throws Exception {
        Map<TopicPartition, org.apache.kafka.clients.admin.OffsetSpec> latest = new java.util.HashMap<>();
        kafka.admin().describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions()
                .forEach(p -> latest.put(new TopicPartition(topic, p.partition()),
                        org.apache.kafka.clients.admin.OffsetSpec.latest()));
        return kafka.admin().listOffsets(latest).all().get().values().stream()
                .mapToLong(org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo::offset).sum();
    }
}
