package io.flushdb.bench.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LatencySummaryTest {

    @Test
    void summarisesOneToHundred() {
        long[] latencies = new long[100];
        for (int i = 0; i < 100; i++) {
            latencies[99 - i] = i + 1; // 100, 99, ..., 1: unsorted on purpose
        }
        LatencySummary s = LatencySummary.of(latencies, 100, 5_050);

        assertEquals(100, s.operations());
        assertEquals(50.5, s.meanNanos(), 1e-9);
        assertEquals(50, s.p50Nanos());
        assertEquals(99, s.p99Nanos());
        assertEquals(100, s.maxNanos());
        assertEquals(100 * 1e9 / 5_050, s.opsPerSecond(), 1e-6);
    }

    @Test
    void leavesTheSamplesUnsorted() {
        long[] latencies = {3, 1, 2};
        LatencySummary.of(latencies, 3, 6);
        assertArrayEquals(new long[] {3, 1, 2}, latencies);
    }

    @Test
    void usesOnlyTheFirstCountSamples() {
        LatencySummary s = LatencySummary.of(new long[] {5, 7, 1_000_000}, 2, 12);
        assertEquals(7, s.maxNanos());
        assertEquals(6.0, s.meanNanos(), 1e-9);
    }

    @ParameterizedTest(name = "p{0} of 1..{1} is {2}")
    @CsvSource({
        "50, 1, 1",
        "99, 1, 1",
        "50, 2, 1",
        "99, 2, 2",
        "50, 3, 2",
        "99, 10, 10",
        "90, 10, 9",
        "99, 1000, 990",
        "100, 7, 7",
        "0, 7, 1",
    })
    void nearestRankPercentile(double p, int n, long expected) {
        long[] sorted = new long[n];
        for (int i = 0; i < n; i++) {
            sorted[i] = i + 1;
        }
        assertEquals(expected, LatencySummary.percentile(sorted, p));
    }

    @Test
    void rejectsAnEmptyPhase() {
        assertThrows(IllegalArgumentException.class, () -> LatencySummary.of(new long[4], 0, 1));
        assertThrows(IllegalArgumentException.class, () -> LatencySummary.of(new long[4], 5, 1));
    }
}
