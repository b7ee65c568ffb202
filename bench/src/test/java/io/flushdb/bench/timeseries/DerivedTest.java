package io.flushdb.bench.timeseries;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Map;
import org.junit.jupiter.api.Test;

class DerivedTest {

    private static TimeSeries.Row row(int second, Map<String, Double> values) {
        return new TimeSeries.Row(second, values, "");
    }

    @Test
    void perSecondIsTheIncreaseOverTheInterval() {
        assertEquals(250.0, Derived.perSecond(1000, 1250, 1.0));
        assertEquals(0.0, Derived.perSecond(7, 7, 1.0));
        // A late sample: the mean rate over the longer interval, rounded to 0.1.
        assertEquals(100.0, Derived.perSecond(0, 300, 3.0));
        assertEquals(333.3, Derived.perSecond(0, 1000, 3.0));
        assertEquals(999.0, Derived.perSecond(0, 1000, 1.001));
    }

    @Test
    void aResetCounterOrNoTimeGivesNoRate() {
        assertNull(Derived.perSecond(500, 20, 1.0));
        assertNull(Derived.perSecond(0, 20, 0.0));
    }

    @Test
    void usesTheFirstSourcePresentInBothRows() {
        Derived d = new Derived("single_page_flushes_per_s", "Innodb_buffer_pool_wait_free", "buffer_pool_wait_free");
        TimeSeries.Row before = row(4, Map.of("Innodb_buffer_pool_wait_free", 10.0, "buffer_pool_wait_free", 10.0));
        TimeSeries.Row after = row(5, Map.of("Innodb_buffer_pool_wait_free", 15.0, "buffer_pool_wait_free", 99.0));
        assertEquals(5.0, d.at(before, 4.0, after, 5.0));
        // The preferred source is missing in one row: the other spelling serves.
        TimeSeries.Row partial = row(6, Map.of("buffer_pool_wait_free", 109.0));
        assertEquals(10.0, d.at(after, 5.0, partial, 6.0));
    }

    @Test
    void absentWithoutAPreviousRowOrASource() {
        Derived d = new Derived("adaptive_pages_per_s", "buffer_flush_adaptive_total_pages");
        TimeSeries.Row now = row(1, Map.of("buffer_flush_adaptive_total_pages", 3.0));
        assertNull(d.at(null, 0, now, 1.0));
        assertNull(d.at(row(0, Map.of()), 0.0, now, 1.0));
        assertNull(d.at(now, 1.0, row(2, Map.of()), 2.0));
    }
}
