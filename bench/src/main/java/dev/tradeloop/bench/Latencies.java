package dev.tradeloop.bench;

import java.util.Arrays;

/** Latency samples in microseconds, and their percentiles. */
final class Latencies {

    private long[] samples = new long[1024];
    private int count;

    synchronized void add(long micros) {
        if (count == samples.length) {
            samples = Arrays.copyOf(samples, count * 2);
        }
        samples[count++] = micros;
    }

    synchronized int count() {
        return count;
    }

    /** The median of each tenth of the run, in order: whether latency grew as the run went on. */
    synchronized String medianByTenth() {
        StringBuilder out = new StringBuilder();
        int tenth = Math.max(1, count / 10);
        for (int start = 0; start + tenth <= count; start += tenth) {
            long[] part = Arrays.copyOfRange(samples, start, start + tenth);
            Arrays.sort(part);
            out.append(String.format("%.0f ", part[part.length / 2] / 1000.0));
        }
        return out.toString().trim();
    }

    /** The {@code p}-th percentile (0 < p ≤ 100), in milliseconds with one decimal. */
    synchronized String percentile(double p) {
        if (count == 0) {
            return "-";
        }
        long[] sorted = Arrays.copyOf(samples, count);
        Arrays.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * count) - 1;
        return String.format("%.1f", sorted[Math.max(0, Math.min(count - 1, index))] / 1000.0);
    }
}
