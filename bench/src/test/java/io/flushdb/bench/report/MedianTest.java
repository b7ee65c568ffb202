package io.flushdb.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MedianTest {

    @Test
    void middleValueOrMeanOfTheTwoMiddleValues() {
        assertEquals(2.0, Median.of(List.of(3.0, 1.0, 2.0)).getAsDouble());
        assertEquals(2.5, Median.of(List.of(4.0, 1.0, 3.0, 2.0)).getAsDouble());
        assertEquals(7.0, Median.of(List.of(7.0)).getAsDouble());
        assertTrue(Median.of(List.of()).isEmpty());
    }

    @Test
    void medianOfTheRatiosWithinEachRoundNotTheRatioOfTheMedians() {
        // rounds 1, 2, 3: 16,000/4,000 = 4; 12,000/2,000 = 6; 25,000/5,000 = 5 -> median 5.
        // The ratio of the medians would be 16,000 / 4,000 = 4.
        assertEquals(5.0, Median.ofRatios(Map.of(1, 16_000.0, 2, 12_000.0, 3, 25_000.0),
                Map.of(1, 4_000.0, 2, 2_000.0, 3, 5_000.0)).getAsDouble(), 1e-12);
        // 3, 2.5, 2 -> 2.5
        assertEquals(2.5, Median.ofRatios(Map.of(1, 12_000.0, 2, 5_000.0, 3, 10_000.0),
                Map.of(1, 4_000.0, 2, 2_000.0, 3, 5_000.0)).getAsDouble(), 1e-12);
        // two rounds: the mean of 2 and 3
        assertEquals(2.5, Median.ofRatios(Map.of(1, 8.0, 2, 9.0), Map.of(1, 4.0, 2, 3.0)).getAsDouble(), 1e-12);
    }

    @Test
    void onlyRoundsWithBothValuesAndADenominatorAboveZeroCount() {
        // round 2 has no denominator, round 3 no numerator: only 10 / 5
        assertEquals(2.0, Median.ofRatios(Map.of(1, 10.0, 2, 30.0), Map.of(1, 5.0, 3, 7.0)).getAsDouble());
        // round 1's denominator is 0: only 30 / 10
        assertEquals(3.0, Median.ofRatios(Map.of(1, 10.0, 2, 30.0), Map.of(1, 0.0, 2, 10.0)).getAsDouble());
        assertTrue(Median.ofRatios(Map.of(1, 10.0), Map.of(2, 5.0)).isEmpty());
    }
}
