package io.flushdb.bench.report;

import java.util.List;
import java.util.OptionalDouble;

/**
 * Rate ratios between a target and the baseline (FlushDB unless told otherwise) on the same
 * workload. A ratio exists only when both runs succeeded.
 */
public final class Ratios {

    private Ratios() {
    }

    /**
     * Target ops/s divided by baseline ops/s: above 1 the target is faster than the baseline.
     *
     * @param sameWorkload all results of the workload {@code result} belongs to
     */
    public static OptionalDouble targetOverBaseline(RunResult result, List<RunResult> sameWorkload,
            String baseline) {
        RunResult base = find(sameWorkload, baseline);
        if (base == null || !base.succeeded() || !result.succeeded()) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(result.latency().opsPerSecond() / base.latency().opsPerSecond());
    }

    /** Baseline ops/s divided by target ops/s: above 1 the baseline is faster than the target. */
    public static OptionalDouble baselineOverTarget(RunResult result, List<RunResult> sameWorkload,
            String baseline) {
        OptionalDouble ratio = targetOverBaseline(result, sameWorkload, baseline);
        return ratio.isPresent() ? OptionalDouble.of(1.0 / ratio.getAsDouble()) : ratio;
    }

    private static RunResult find(List<RunResult> results, String target) {
        for (RunResult r : results) {
            if (r.target().equals(target)) {
                return r;
            }
        }
        return null;
    }
}
