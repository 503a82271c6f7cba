package dev.tradeloop.bench;

import dev.tradeloop.events.Action;
import dev.tradeloop.events.Fill;
import dev.tradeloop.events.MarketStatus;
import dev.tradeloop.events.MethodRef;
import dev.tradeloop.events.OrderPurpose;
import dev.tradeloop.events.PriceTick;
import dev.tradeloop.events.Side;
import dev.tradeloop.events.money.Contracts;
import dev.tradeloop.events.money.Money;
import dev.tradeloop.events.money.Price;
import dev.tradeloop.rules.Method;
import dev.tradeloop.rules.MethodCatalog;
import dev.tradeloop.rules.position.PositionLifecycle;
import dev.tradeloop.rules.position.Position;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The pure rules alone: one position's lifecycle (mark, trailing stop, the ten exit conditions and
 * their resolution) evaluated on a recorded tick stream, one tick after another, on one thread. The
 * stream is a seeded random walk of the YES bid between 0.46 and 0.70 around a 0.50 entry (a cent
 * a step, the spread one or two cents), so marks, trailing-stop moves and profit exits all happen;
 * the position carries its state from tick to tick, as the monitor's store does. Run by
 * {@code ./bench/lifecycle.sh}; the figure is ticks evaluated per second.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class LifecycleBenchmark {

    private static final int TICKS = 1 << 14;
    private static final Instant START = Instant.parse("2026-12-01T14:00:00Z");

    private Method method;
    private PriceTick[] ticks;
    private Position opened;
    private Position position;
    private long evaluated;

    @Setup
    public void record() {
        method = MethodCatalog.load(Path.of(System.getProperty("tradeloop.methods.dir", "methods")))
                .latest("kelly-quarter").orElseThrow();
        MethodRef ref = method.ref();
        Fill entry = new Fill(UUID.randomUUID(), START, "bench", "pos-1", "trade-1", "order-1", "pos-1-1",
                "KXBENCH-1", "KXBENCH", OrderPurpose.ENTRY, Side.YES, Action.BUY, Contracts.whole(100),
                Price.parse("0.50"), Money.parse("0.88"), true, START, Optional.of(new BigDecimal("0.80")), ref);
        opened = PositionLifecycle.onFill(Optional.empty(), entry, START).position().orElseThrow();
        position = opened;
        Random random = new Random(42);
        ticks = new PriceTick[TICKS];
        long bidCents = 50;
        for (int i = 0; i < TICKS; i++) {
            bidCents = Math.max(46, Math.min(70, bidCents + random.nextInt(3) - 1));
            Price bid = Price.ofCents(bidCents);
            Price ask = Price.ofCents(bidCents + 1 + random.nextInt(2));
            Instant at = START.plusMillis(i);
            ticks[i] = new PriceTick(UUID.randomUUID(), at, "bench", "KXBENCH-1", "KXBENCH", MarketStatus.OPEN,
                    Optional.empty(), bid, ask, ask.complement(), bid.complement(), Optional.empty(),
                    Contracts.whole(500), START.plusSeconds(30L * 86_400), i, at);
        }
    }

    /** One tick evaluated for the position; the stream starts over, from the opened position, when it ends. */
    @Benchmark
    public PositionLifecycle.Step evaluate() {
        int index = (int) (evaluated % TICKS);
        if (index == 0) {
            position = opened;
        }
        PriceTick tick = ticks[index];
        Instant now = START.plusMillis(evaluated);
        evaluated++;
        PositionLifecycle.Step step = PositionLifecycle.evaluate(position, new PositionLifecycle.Context(tick,
                Optional.of(new BigDecimal("0.62")), false, Optional.empty(), now, "bench"), method);
        position = step.position().orElse(position);
        return step;
    }
}
