package io.flushdb.bench.report;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Medians over the rounds of the group-commit and bank scenarios. The median, not the mean, so that one
 * round caught by a slow stretch of the disk does not move the figure.
 */
public final class Median {

    private Median() {
    }

    /** The middle value, or the mean of the two middle values of an even count; empty if none. */
    public static OptionalDouble of(Collection<Double> values) {
        if (values.isEmpty()) {
            return OptionalDouble.empty();
        }
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        int n = sorted.size();
        return OptionalDouble.of(n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2);
    }

    /**
     * The median over the rounds of {@code numerators[r] / denominators[r]}: each ratio is taken
     * between two values of the same round, and only for rounds that have both values and a
     * denominator above 0. This is not the ratio of the two medians: a round in which the disk
     * was slow lowers both of its values, and the ratio between them stays.
     *
     * @param numerators a value per round, keyed by round
     * @param denominators a value per round, keyed by round
     */
    public static OptionalDouble ofRatios(Map<Integer, Double> numerators, Map<Integer, Double> denominators) {
        List<Double> ratios = new ArrayList<>();
        for (Map.Entry<Integer, Double> e : numerators.entrySet()) {
            Double under = denominators.get(e.getKey());
            if (under != null && under > 0) {
                ratios.add(e.getValue() / under);
            }
        }
        return of(ratios);
    }
}
