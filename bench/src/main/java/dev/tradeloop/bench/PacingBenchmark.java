package dev.tradeloop.bench;

import dev.tradeloop.exchange.rest.TokenBucket;
import io.smallrye.faulttolerance.api.Guard;
import io.smallrye.faulttolerance.api.RateLimitException;
import io.smallrye.faulttolerance.api.RateLimitType;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Paces calls to Kalshi's rate limit two ways and counts what the exchange would refuse: the
 * client's token bucket (each call waits for its tokens), and SmallRye Fault Tolerance's rate
 * limit (a call over the limit is refused with {@link RateLimitException}), retried until it passes
 * so that no call is lost. The exchange is modelled as Kalshi meters it: a bucket of 200 read
 * tokens refilled at 200 a second (the Basic tier), 10 tokens a request; a call the bucket cannot
 * pay would be answered 429. Several threads call as fast as they are let.
 *
 * <p>Run: {@code ./bench/pacing.sh [--threads 4] [--calls 100]}
 */
public final class PacingBenchmark {

    private static final long CAPACITY = 200;
    private static final long REFILL_PER_SECOND = 200;
    private static final long COST = 10;
    private static final int CALLS_PER_SECOND = (int) (REFILL_PER_SECOND / COST);

    /** Each way of pacing has this long to make its calls; what is not made by then is counted as not made. */
    private static final long DEADLINE_NANOS = 60_000_000_000L;

    /** What one way of pacing did: calls made, not made, refused by the exchange, tries, and the time taken. */
    private record Outcome(String name, int made, long notMade, long refused, long tries, double seconds,
            List<Long> waitsMicros) {
        void print() {
            List<Long> sorted = new ArrayList<>(waitsMicros);
            Collections.sort(sorted);
            String p50 = sorted.isEmpty() ? "-" : String.format("%.1f", sorted.get(sorted.size() / 2) / 1000.0);
            String p99 = sorted.isEmpty() ? "-" : String.format("%.1f", sorted.get((int) (sorted.size() * 0.99)) / 1000.0);
            System.out.printf("| %s | %d | %d | %d | %d | %.2f | %.1f | %s | %s |%n", name, made, notMade, refused, tries,
                    seconds, made / seconds, p50, p99);
        }
    }

    /** One way of pacing a call: waits or retries as it does, then makes the call. */
    private interface Pacer {
        void call(Runnable exchangeCall) throws Exception;
    }

    public static void main(String[] args) throws Exception {
        int threads = intOption(args, "--threads", 4);
        int calls = intOption(args, "--calls", 100);
        System.out.printf("%d threads x %d calls against a bucket of %d tokens refilled at %d/s, %d a call (%d calls/s)%n%n",
                threads, calls, CAPACITY, REFILL_PER_SECOND, COST, CALLS_PER_SECOND);
        System.out.println("| pacing | calls made | not made in 60 s | 429s | tries refused | seconds | calls/s | wait p50 ms | wait p99 ms |");
        System.out.println("|---|---|---|---|---|---|---|---|---|");
        TokenBucket client = new TokenBucket(CAPACITY, REFILL_PER_SECOND, TokenBucket.SYSTEM);
        run("client token bucket (waits for tokens)", threads, calls, exchangeCall -> {
            client.acquire(COST);
            exchangeCall.run();
        }, new AtomicLong()).print();
        for (RateLimitType type : List.of(RateLimitType.FIXED, RateLimitType.ROLLING, RateLimitType.SMOOTH)) {
            AtomicLong retries = new AtomicLong();
            Guard guard = Guard.create().withRateLimit().limit(CALLS_PER_SECOND).window(1, ChronoUnit.SECONDS).type(type)
                    .done().withRetry().maxRetries(-1).maxDuration(60, ChronoUnit.SECONDS).delay(10, ChronoUnit.MILLIS)
                    .jitter(5, ChronoUnit.MILLIS).retryOn(RateLimitException.class).onRetry(retries::incrementAndGet)
                    .done().build();
            run("SmallRye rate limit " + type + " + retry", threads, calls, exchangeCall -> guard.call(() -> {
                exchangeCall.run();
                return null;
            }, Void.class), retries).print();
        }
        System.out.println();
        System.out.println("429s: calls the exchange's bucket could not pay when they arrived; tries refused: calls the");
        System.out.println("rate limit refused and that were tried again; wait: how long a call waited before it was made.");
    }

    private static Outcome run(String name, int threads, int callsEach, Pacer pacer, AtomicLong retries)
            throws Exception {
        TokenBucket exchange = new TokenBucket(CAPACITY, REFILL_PER_SECOND, TokenBucket.SYSTEM);
        Thread.sleep(1_500); // the exchange's bucket full, as after a quiet second
        AtomicLong refused = new AtomicLong();
        AtomicLong made = new AtomicLong();
        AtomicLong notMade = new AtomicLong();
        List<Long> waits = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            done.add(pool.submit(() -> {
                for (int i = 0; i < callsEach; i++) {
                    if (System.nanoTime() - start > DEADLINE_NANOS) {
                        notMade.addAndGet(callsEach - i);
                        break;
                    }
                    long asked = System.nanoTime();
                    try {
                        pacer.call(() -> {
                            waits.add((System.nanoTime() - asked) / 1000);
                            made.incrementAndGet();
                            if (!exchange.tryAcquire(COST)) {
                                refused.incrementAndGet();
                            }
                        });
                    } catch (RateLimitException gaveUp) {
                        notMade.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        for (Future<?> each : done) {
            each.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        return new Outcome(name, (int) made.get(), notMade.get(), refused.get(), retries.get(), seconds, waits);
    }

    private static int intOption(String[] args, String name, int fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return Integer.parseInt(args[i + 1]);
            }
        }
        return fallback;
    }
}
