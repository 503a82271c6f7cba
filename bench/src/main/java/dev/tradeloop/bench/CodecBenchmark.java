package dev.tradeloop.bench;

import dev.tradeloop.events.MarketStatus;
import dev.tradeloop.events.PriceTick;
import dev.tradeloop.events.Topics;
import dev.tradeloop.events.json.EventCodec;
import dev.tradeloop.events.money.Contracts;
import dev.tradeloop.events.money.Price;
import java.time.Instant;
import java.util.Optional;
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
 * What the monitor pays per tick to read it and to write what it keeps: a {@code price-ticks}
 * message decoded by the topic's codec (with every check a consumer relies on), and encoded. Run by
 * {@code ./bench/lifecycle.sh CodecBenchmark}; the figures are operations per second on one thread.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class CodecBenchmark {

    private static final Instant AT = Instant.parse("2026-12-01T14:00:00Z");

    private EventCodec<PriceTick> codec;
    private PriceTick tick;
    private byte[] tickBytes;

    @Setup
    public void record() {
        codec = Topics.PRICE_TICKS.codec();
        tick = new PriceTick(UUID.randomUUID(), AT, "bench", "KXBENCH-26DEC01-T50", "KXBENCH-26DEC01",
                MarketStatus.OPEN, Optional.empty(), Price.parse("0.52"), Price.parse("0.54"), Price.parse("0.46"),
                Price.parse("0.48"), Optional.of(Price.parse("0.53")), Contracts.whole(12_500),
                AT.plusSeconds(30L * 86_400), 123_456, AT);
        tickBytes = codec.encode(tick);
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
