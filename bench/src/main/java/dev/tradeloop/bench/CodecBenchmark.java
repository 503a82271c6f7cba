package dev.tradeloop.bench;

import dev.tradeloop.events.Action;
import dev.tradeloop.events.Fill;
import dev.tradeloop.events.MarketStatus;
import dev.tradeloop.events.OrderPurpose;
import dev.tradeloop.events.PriceTick;
import dev.tradeloop.events.Side;
import dev.tradeloop.events.Topics;
import dev.tradeloop.events.json.EventCodec;
import dev.tradeloop.events.money.Contracts;
import dev.tradeloop.events.money.Money;
import dev.tradeloop.events.money.Price;
import dev.tradeloop.monitor.streams.MonitorTopology;
import dev.tradeloop.rules.Method;
import dev.tradeloop.rules.MethodCatalog;
import dev.tradeloop.rules.position.Position;
import dev.tradeloop.rules.position.PositionLifecycle;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.serialization.Serde;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What the monitor pays to read a tick and to write what it keeps: a {@code price-ticks} message
 * decoded by the topic's codec (with every check a consumer relies on) and encoded, and a position
 * written for the monitor's store. Run by
 * {@code ./bench/codec.sh}; the figures are operations per second on one thread.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class CodecBenchmark {

    private static final Instant AT = Instant.parse("2026-12-01T14:00:00Z");

    private EventCodec<PriceTick> codec;
    private PriceTick tick;
    private byte[] tickBytes;
    private Serde<Position> positions;
    private Position position;

    @Setup
    public void record() {
        codec = Topics.PRICE_TICKS.codec();
        tick = new PriceTick(UUID.randomUUID(), AT, "bench", "KXBENCH-26DEC01-T50", "KXBENCH-26DEC01",
                MarketStatus.OPEN, Optional.empty(), Price.parse("0.52"), Price.parse("0.54"), Price.parse("0.46"),
                Price.parse("0.48"), Optional.of(Price.parse("0.53")), Contracts.whole(12_500),
                AT.plusSeconds(30L * 86_400), 123_456, AT);
        tickBytes = codec.encode(tick);
        Method method = MethodCatalog.load(Path.of(System.getProperty("tradeloop.methods.dir", "methods")))
                .latest("kelly-quarter").orElseThrow();
        Fill entry = new Fill(UUID.randomUUID(), AT, "bench", "pos-1", "trade-1", "order-1", "pos-1-1",
                tick.marketTicker(), tick.eventTicker(), OrderPurpose.ENTRY, Side.YES, Action.BUY,
                Contracts.whole(100), Price.parse("0.50"), Money.parse("0.88"), true, AT,
                Optional.of(new BigDecimal("0.80")), method.ref());
        Position opened = PositionLifecycle.onFill(Optional.empty(), entry, AT).position().orElseThrow();
        position = PositionLifecycle.evaluate(opened, new PositionLifecycle.Context(tick, Optional.empty(), false,
                Optional.empty(), AT, "bench"), method).position().orElseThrow();
        positions = MonitorTopology.positionSerde();
    }

    /** What the monitor's store writes for a position each time it sends one of its events or marks. */
    @Benchmark
    public byte[] encodePosition() {
        return positions.serializer().serialize("positions", position);
    }

    @Benchmark
    public PriceTick decodeTick() {
        return codec.decode(tickBytes);
    }

    @Benchmark
    public byte[] encodeTick() {
        return codec.encode(tick);
    }
}
