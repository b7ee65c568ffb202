package io.flushdb.bench.timeseries;

import static io.flushdb.bench.timeseries.FlushingColumns.ADAPTIVE_PER_S;
import static io.flushdb.bench.timeseries.FlushingColumns.ADAPTIVE_TOTAL;
import static io.flushdb.bench.timeseries.FlushingColumns.ASYNC_AGE;
import static io.flushdb.bench.timeseries.FlushingColumns.BACKGROUND_PER_S;
import static io.flushdb.bench.timeseries.FlushingColumns.BACKGROUND_TOTAL;
import static io.flushdb.bench.timeseries.FlushingColumns.CHECKPOINT_AGE;
import static io.flushdb.bench.timeseries.FlushingColumns.LRU_EVICT_TOTAL;
import static io.flushdb.bench.timeseries.FlushingColumns.LRU_FLUSH_PER_S;
import static io.flushdb.bench.timeseries.FlushingColumns.LRU_FLUSH_TOTAL;
import static io.flushdb.bench.timeseries.FlushingColumns.METRIC_WAIT_FREE;
import static io.flushdb.bench.timeseries.FlushingColumns.PAGES_DIRTY;
import static io.flushdb.bench.timeseries.FlushingColumns.PAGES_FLUSHED;
import static io.flushdb.bench.timeseries.FlushingColumns.PAGES_FLUSHED_PER_S;
import static io.flushdb.bench.timeseries.FlushingColumns.SINGLE_PAGE_PER_S;
import static io.flushdb.bench.timeseries.FlushingColumns.STATEMENTS_PER_S;
import static io.flushdb.bench.timeseries.FlushingColumns.SYNC_AGE;
import static io.flushdb.bench.timeseries.FlushingColumns.SYNC_PER_S;
import static io.flushdb.bench.timeseries.FlushingColumns.SYNC_TOTAL;
import static io.flushdb.bench.timeseries.FlushingColumns.WAIT_FREE;

import io.flushdb.bench.report.Median;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * The figures the flushing scenario prints at the end, computed from its {@link TimeSeries}
 * alone (so they can be checked against the CSV): throughput per second, the checkpoint age
 * against the async and sync flush points, pages written by kind of flush, and the same per
 * phase between two SET GLOBAL events. A figure the database did not report reads {@code n/a}.
 */
public final class FlushingSummary {

    private static final double MIB = 1 << 20;

    private FlushingSummary() {
    }

    /** The "result" block, one figure a line, each line ending in a line break. */
    public static String text(TimeSeries series) {
        StringBuilder out = new StringBuilder();
        List<TimeSeries.Row> rows = timed(series);
        int skipped = series.lastSecond() - rows.size();
        out.append(String.format(Locale.ROOT, "  %-28s %d (%d samples after the baseline%s)%n", "seconds run",
                series.lastSecond(), rows.size(), skipped > 0 ? "; " + skipped + " seconds without a sample: a sample"
                        + " was more than a second late" : ""));

        List<Double> rates = values(rows, STATEMENTS_PER_S);
        if (rates.isEmpty()) {
            out.append(String.format(Locale.ROOT, "  %-28s n/a%n", "statements/s"));
        } else {
            out.append(String.format(Locale.ROOT, "  %-28s min %,.0f  median %,.0f  max %,.0f  (mean %,.0f)%n",
                    "statements/s, per second", min(rates), Median.of(rates).getAsDouble(), max(rates), mean(rates)));
        }
        out.append(String.format(Locale.ROOT, "  %-28s %s%n", "seconds with 0 statements",
                rates.isEmpty() ? "n/a" : Long.toString(rates.stream().filter(r -> r == 0).count())));

        out.append(String.format(Locale.ROOT, "  %-28s %s%n", "checkpoint age", checkpointAge(rows)));
        out.append(String.format(Locale.ROOT, "  %-28s %s%n", "seconds above async point",
                secondsAbove(rows, ASYNC_AGE)));
        out.append(String.format(Locale.ROOT, "  %-28s %s%n", "seconds above sync point",
                secondsAbove(rows, SYNC_AGE)));

        out.append(String.format(Locale.ROOT, "  %-28s adaptive %s; sync %s; background %s; LRU batch %s"
                + " (LRU batch evictions %s); all kinds (Innodb_buffer_pool_pages_flushed) %s%n",
                "pages flushed, in total", total(series, ADAPTIVE_TOTAL), total(series, SYNC_TOTAL),
                total(series, BACKGROUND_TOTAL), total(series, LRU_FLUSH_TOTAL), total(series, LRU_EVICT_TOTAL),
                total(series, PAGES_FLUSHED)));
        String waitFree = series.present(WAIT_FREE) ? total(series, WAIT_FREE) + " (Innodb_buffer_pool_wait_free)"
                : total(series, METRIC_WAIT_FREE) + " (buffer_pool_wait_free)";
        out.append(String.format(Locale.ROOT, "  %-28s %s%n", "single-page flushes, total", waitFree));
        return out.toString();
    }

    /**
     * One line per phase: the seconds from one event (or the start) to the next (or the end),
     * with the median statements per second, the mean pages flushed per second by kind, the
     * mean and max checkpoint age and the mean dirty pages. The row of second {@code s} covers
     * the second before it, and an event at {@code s} runs after that row, so a phase from
     * event {@code a} to event {@code b} holds the rows {@code a+1 .. b}.
     */
    public static String phases(TimeSeries series) {
        List<Integer> bounds = new ArrayList<>();
        bounds.add(0);
        for (TimeSeries.Event e : series.events()) {
            if (e.second() > bounds.get(bounds.size() - 1) && e.second() < series.lastSecond()) {
                bounds.add(e.second());
            }
        }
        bounds.add(series.lastSecond());
        String format = "  %-10s %-9s %12s %10s %8s %10s %10s %12s %10s %11s %11s %9s%n";
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, format, "seconds", "after", "statements/s",
                "adaptive/s", "sync/s", "backgr./s", "LRU/s", "single-pg/s", "all/s", "ckpt MiB", "max MiB",
                "dirty"));
        out.append(String.format(Locale.ROOT, format, "", "event", "median", "mean", "mean", "mean", "mean", "mean",
                "mean", "mean", "", "mean"));
        List<TimeSeries.Event> events = series.events();
        for (int p = 0; p + 1 < bounds.size(); p++) {
            int from = bounds.get(p);
            int to = bounds.get(p + 1);
            List<TimeSeries.Row> rows = new ArrayList<>();
            for (TimeSeries.Row r : series.rows()) {
                if (r.second() > from && r.second() <= to) {
                    rows.add(r);
                }
            }
            String after = "start";
            for (int i = 0; i < events.size(); i++) {
                if (events.get(i).second() == from) {
                    after = "#" + (i + 1);
                }
            }
            OptionalDouble median = Median.of(values(rows, STATEMENTS_PER_S));
            out.append(String.format(Locale.ROOT, format, from + "-" + to, after,
                    median.isPresent() ? String.format(Locale.ROOT, "%,.0f", median.getAsDouble()) : "n/a",
                    meanText(rows, ADAPTIVE_PER_S, 1), meanText(rows, SYNC_PER_S, 1),
                    meanText(rows, BACKGROUND_PER_S, 1), meanText(rows, LRU_FLUSH_PER_S, 1),
                    meanText(rows, SINGLE_PAGE_PER_S, 1), meanText(rows, PAGES_FLUSHED_PER_S, 1),
                    meanText(rows, CHECKPOINT_AGE, MIB), maxText(rows, CHECKPOINT_AGE, MIB),
                    meanText(rows, PAGES_DIRTY, 1)));
        }
        return out.toString();
    }

    /** The rows after the baseline (second 0). */
    static List<TimeSeries.Row> timed(TimeSeries series) {
        List<TimeSeries.Row> rows = new ArrayList<>();
        for (TimeSeries.Row r : series.rows()) {
            if (r.second() > 0) {
                rows.add(r);
            }
        }
        return rows;
    }

    /** "max 6.1 MiB at 87 s (sync point 6.6 MiB, async point 5.8 MiB then)" or n/a. */
    static String checkpointAge(List<TimeSeries.Row> rows) {
        TimeSeries.Row max = null;
        for (TimeSeries.Row r : rows) {
            if (r.has(CHECKPOINT_AGE) && (max == null || r.get(CHECKPOINT_AGE) > max.get(CHECKPOINT_AGE))) {
                max = r;
            }
        }
        if (max == null) {
            return "n/a (" + CHECKPOINT_AGE + " absent)";
        }
        String points = max.has(SYNC_AGE) && max.has(ASYNC_AGE)
                ? String.format(Locale.ROOT, "; the sync point was %.2f MiB (max age / sync point = %.2f), the async"
                        + " point %.2f MiB", max.get(SYNC_AGE) / MIB, max.get(CHECKPOINT_AGE) / max.get(SYNC_AGE),
                        max.get(ASYNC_AGE) / MIB)
                : "; sync and async points n/a (" + SYNC_AGE + ", " + ASYNC_AGE + " absent)";
        return String.format(Locale.ROOT, "max %.2f MiB at %d s%s", max.get(CHECKPOINT_AGE) / MIB, max.second(), points);
    }

    /** Seconds whose checkpoint age was above the point in {@code pointColumn}, of those with both figures. */
    static String secondsAbove(List<TimeSeries.Row> rows, String pointColumn) {
        int known = 0;
        int above = 0;
        for (TimeSeries.Row r : rows) {
            if (r.has(CHECKPOINT_AGE) && r.has(pointColumn)) {
                known++;
                if (r.get(CHECKPOINT_AGE) > r.get(pointColumn)) {
                    above++;
                }
            }
        }
        return known == 0 ? "n/a (" + pointColumn + " absent)" : above + " of " + known;
    }

    /**
     * How much a cumulative counter grew over the series: the sum of its increases between
     * consecutive rows that have it (a decrease, a reset, adds nothing); n/a if absent.
     */
    static String total(TimeSeries series, String column) {
        OptionalDouble t = increase(series, column);
        return t.isPresent() ? String.format(Locale.ROOT, "%,.0f", t.getAsDouble()) : "n/a";
    }

    static OptionalDouble increase(TimeSeries series, String column) {
        Double previous = null;
        double sum = 0;
        boolean any = false;
        for (TimeSeries.Row r : series.rows()) {
            Double v = r.get(column);
            if (v == null) {
                continue;
            }
            any = true;
            if (previous != null && v > previous) {
                sum += v - previous;
            }
            previous = v;
        }
        return any ? OptionalDouble.of(sum) : OptionalDouble.empty();
    }

    private static List<Double> values(List<TimeSeries.Row> rows, String column) {
        List<Double> values = new ArrayList<>();
        for (TimeSeries.Row r : rows) {
            if (r.has(column)) {
                values.add(r.get(column));
            }
        }
        return values;
    }

    private static String meanText(List<TimeSeries.Row> rows, String column, double divisor) {
        List<Double> v = values(rows, column);
        return v.isEmpty() ? "n/a" : format(mean(v) / divisor, divisor);
    }

    private static String maxText(List<TimeSeries.Row> rows, String column, double divisor) {
        List<Double> v = values(rows, column);
        return v.isEmpty() ? "n/a" : format(max(v) / divisor, divisor);
    }

    private static String format(double v, double divisor) {
        return divisor == 1 ? String.format(Locale.ROOT, "%,.0f", v) : String.format(Locale.ROOT, "%.2f", v);
    }

    private static double mean(List<Double> v) {
        double sum = 0;
        for (double d : v) {
            sum += d;
        }
        return sum / v.size();
    }

    private static double min(List<Double> v) {
        return v.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
    }

    private static double max(List<Double> v) {
        return v.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    }
}
