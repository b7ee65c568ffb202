package io.flushdb.bench.report;

import java.util.Arrays;

/**
 * The rate and latency distribution of one timed phase, in nanoseconds.
 *
 * <p>Percentiles use the nearest-rank method on the exact samples (one per operation, no
 * histogram buckets): p50 is the smallest latency that at least half of the operations did
 * not exceed.
 *
 * @param operations timed operations
 * @param elapsedNanos wall time of the whole timed phase
 */
public record LatencySummary(long operations, long elapsedNanos, double meanNanos, long p50Nanos,
        long p99Nanos, long maxNanos) {

    /**
     * Summarises the first {@code count} latencies; does not modify {@code latencies}.
     */
    public static LatencySummary of(long[] latencies, int count, long elapsedNanos) {
        if (count < 1 || count > latencies.length) {
            throw new IllegalArgumentException("count " + count + " outside 1.." + latencies.length);
        }
        long[] sorted = Arrays.copyOf(latencies, count);
        Arrays.sort(sorted);
        double sum = 0;
        for (long latency : sorted) {
            sum += latency;
        }
        return new LatencySummary(count, elapsedNanos, sum / count, percentile(sorted, 50),
                percentile(sorted, 99), sorted[count - 1]);
    }

    /** Nearest rank: the value at 1-based rank ceil(p/100 × n) of the sorted samples. */
    static long percentile(long[] sorted, double p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    public double opsPerSecond() {
        return operations * 1e9 / elapsedNanos;
    }
}
