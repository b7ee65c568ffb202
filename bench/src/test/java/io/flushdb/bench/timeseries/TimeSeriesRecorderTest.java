package io.flushdb.bench.timeseries;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.Test;

/** The recorder's loop with a fake database; it runs in real time, two seconds, and asserts no timing. */
class TimeSeriesRecorderTest {

    @Test
    void recordsABaselineAndOneRowPerSecondWithRatesAndEvents() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        LongAdder statements = new LongAdder();
        TimeSeriesRecorder.Sampler sampler = () -> {
            int n = calls.getAndIncrement();
            statements.add(1000);
            // "pages" counts 0, 50, 100; "gauge" is absent in the second sample.
            return n == 1 ? Map.of("pages", 50.0) : Map.of("pages", 50.0 * n, "gauge", 7.0);
        };
        List<Integer> eventsAsked = new ArrayList<>();
        List<TimeSeries.Row> seen = new ArrayList<>();
        TimeSeriesRecorder recorder = new TimeSeriesRecorder(sampler, List.of("pages", "gauge"),
                List.of(new Derived("pages_per_s", "pages"), new Derived("statements_per_s", "statements")),
                statements, 2, second -> {
                    eventsAsked.add(second);
                    return second == 1 ? "x=1" : "";
                }, seen::add);
        assertEquals(List.of("elapsed_s", "sample_ms", "statements", "pages", "gauge", "pages_per_s",
                "statements_per_s"), recorder.columns());
        recorder.start();
        assertTrue(recorder.awaitEnd(60, TimeUnit.SECONDS));
        assertNull(recorder.failure());

        TimeSeries s = recorder.snapshot();
        assertEquals(List.of(0, 1, 2), s.rows().stream().map(TimeSeries.Row::second).toList());
        assertEquals(s.rows(), seen);
        assertEquals(List.of(0, 1, 2), eventsAsked);
        TimeSeries.Row base = s.rows().get(0);
        assertNull(base.get("pages_per_s"));
        assertEquals(0.0, base.get("statements"));
        assertEquals(7.0, base.get("gauge"));
        TimeSeries.Row first = s.rows().get(1);
        assertTrue(first.get("pages_per_s") > 0);
        assertNull(first.get("gauge"));
        assertEquals("x=1", first.events());
        assertEquals(List.of(new TimeSeries.Event(1, "x=1")), s.events());
        double interval = s.rows().get(2).get("elapsed_s") - first.get("elapsed_s");
        assertEquals(Derived.perSecond(50, 100, interval), s.rows().get(2).get("pages_per_s"));
        assertEquals(Derived.perSecond(1000, 2000, interval), s.rows().get(2).get("statements_per_s"));
        assertEquals(0, recorder.skippedSeconds());
    }

    @Test
    void stopEndsItEarlyAndAFailingSampleIsKept() throws Exception {
        TimeSeriesRecorder[] holder = new TimeSeriesRecorder[1];
        TimeSeriesRecorder stopped = new TimeSeriesRecorder(Map::of, List.of(), List.of(), new LongAdder(), 3600,
                second -> "", row -> holder[0].stop());
        holder[0] = stopped;
        stopped.start();
        assertTrue(stopped.awaitEnd(60, TimeUnit.SECONDS));
        assertEquals(1, stopped.snapshot().rows().size());

        AtomicInteger calls = new AtomicInteger();
        TimeSeriesRecorder failing = new TimeSeriesRecorder(() -> {
            if (calls.getAndIncrement() > 0) {
                throw new IllegalStateException("engine gone");
            }
            return Map.of();
        }, List.of(), List.of(), new LongAdder(), 3600, second -> "", row -> { });
        failing.start();
        assertTrue(failing.awaitEnd(60, TimeUnit.SECONDS));
        assertEquals("engine gone", failing.failure().getMessage());

        TimeSeriesRecorder broken = new TimeSeriesRecorder(() -> {
            throw new IllegalStateException("no database");
        }, List.of(), List.of(), new LongAdder(), 5, second -> "", row -> { });
        assertThrows(IllegalStateException.class, broken::start);
    }
}
