package io.flushdb.bench.timeseries;

import java.util.List;

/**
 * A per-second rate derived from a cumulative counter: {@code (value now - value at the previous
 * sample) / seconds between the two samples}, rounded to 0.1. Samples are a second apart, so
 * this is the counter's increase in that second; after a late sample it is the mean rate over
 * the longer interval.
 *
 * @param column the derived column's name
 * @param sources the counter's column, or several spellings of it in order of preference (for
 *     example {@code SHOW GLOBAL STATUS}'s and {@code INNODB_METRICS}'s): the first present in
 *     both samples is used
 */
public record Derived(String column, List<String> sources) {

    public Derived {
        sources = List.copyOf(sources);
        if (sources.isEmpty()) {
            throw new IllegalArgumentException(column + ": no source column");
        }
    }

    public Derived(String column, String... sources) {
        this(column, List.of(sources));
    }

    /**
     * The rate at {@code current}, or null (absent) when there is no previous sample, no source
     * is present in both samples, no time passed between them, or the counter went down (it was
     * reset, for example by {@code innodb_monitor_reset}: no rate can be told for that interval).
     */
    public Double at(TimeSeries.Row previous, double previousElapsed, TimeSeries.Row current, double currentElapsed) {
        if (previous == null) {
            return null;
        }
        for (String source : sources) {
            Double before = previous.get(source);
            Double now = current.get(source);
            if (before != null && now != null) {
                return perSecond(before, now, currentElapsed - previousElapsed);
            }
        }
        return null;
    }

    /** {@code (now - before) / seconds} rounded to 0.1; null if {@code now < before} or {@code seconds <= 0}. */
    public static Double perSecond(double before, double now, double seconds) {
        if (now < before || !(seconds > 0)) {
            return null;
        }
        return Math.round((now - before) / seconds * 10) / 10.0;
    }
}
