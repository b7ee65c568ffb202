package io.flushdb.bench.timeseries;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FlushingSummaryTest {

    private static final double MIB = 1 << 20;

    private static TimeSeries series(boolean withPoints) {
        TimeSeries s = new TimeSeries(TimeSeriesRecorder.columns(FlushingColumns.sampled(), FlushingColumns.DERIVED));
        double[] ageMiB = {0, 5, 6, 7, 6.6, 4};
        double[] rates = {0, 100, 0, 300, 200, 400};
        double[] adaptive = {10, 20, 20, 50, 5, 15}; // reset between 3 and 4
        for (int t = 0; t < ageMiB.length; t++) {
            Map<String, Double> v = new HashMap<>();
            v.put(FlushingColumns.CHECKPOINT_AGE, ageMiB[t] * MIB);
            if (withPoints) {
                v.put(FlushingColumns.ASYNC_AGE, 5.5 * MIB);
                v.put(FlushingColumns.SYNC_AGE, 6.5 * MIB);
            }
            v.put(FlushingColumns.ADAPTIVE_TOTAL, adaptive[t]);
            v.put(FlushingColumns.WAIT_FREE, 3.0 * t);
            if (t > 0) {
                v.put(FlushingColumns.STATEMENTS_PER_S, rates[t]);
            }
            s.add(new TimeSeries.Row(t, v, t == 2 ? "innodb_io_capacity=1000" : ""));
        }
        return s;
    }

    @Test
    void throughputCheckpointAgeAndTotals() {
        String text = FlushingSummary.text(series(true));
        assertTrue(text.contains("seconds run                  5 (5 samples after the baseline)"), text);
        assertTrue(text.contains("min 0  median 200  max 400  (mean 200)"), text);
        assertTrue(text.contains("seconds with 0 statements    1"), text);
        assertTrue(text.contains("max 7.00 MiB at 3 s; the sync point was 6.50 MiB (max age / sync point = 1.08)"),
                text);
        assertTrue(text.contains("seconds above async point    3 of 5"), text);
        assertTrue(text.contains("seconds above sync point     2 of 5"), text);
        // 10 -> 20 -> 50, reset to 5, -> 15: 40 + 10.
        assertTrue(text.contains("adaptive 50; sync n/a;"), text);
        assertTrue(text.contains("15 (Innodb_buffer_pool_wait_free)"), text);
    }

    @Test
    void absentFlushPointsReadNotAvailable() {
        String text = FlushingSummary.text(series(false));
        assertTrue(text.contains("sync and async points n/a"), text);
        assertTrue(text.contains("seconds above sync point     n/a (log_max_modified_age_sync absent)"), text);
    }

    @Test
    void phasesSplitAtEvents() {
        List<String> lines = FlushingSummary.phases(series(true)).lines().toList();
        assertEquals(4, lines.size(), String.join("\n", lines));
        assertTrue(lines.get(2).trim().startsWith("0-2"), lines.get(2));
        assertTrue(lines.get(2).contains(" start "), lines.get(2));
        assertTrue(lines.get(3).trim().startsWith("2-5"), lines.get(3));
        assertTrue(lines.get(3).contains(" #1 "), lines.get(3));
        // Seconds 3, 4, 5: statements/s 300, 200, 400 -> median 300.
        assertTrue(lines.get(3).contains(" 300 "), lines.get(3));
    }
}
