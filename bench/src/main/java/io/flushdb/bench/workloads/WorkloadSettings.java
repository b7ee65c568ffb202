package io.flushdb.bench.workloads;

/**
 * The sizes and seed of one run.
 *
 * @param rows rows loaded by {@link Workload#prepare} for workloads that read existing data
 * @param warmupOps operations executed before timing starts
 * @param timedOps operations timed
 * @param seed seed of every random choice, so runs against different peers do the same work
 */
public record WorkloadSettings(int rows, int warmupOps, int timedOps, long seed) {

    public WorkloadSettings {
        if (rows < 1 || warmupOps < 0 || timedOps < 1) {
            throw new IllegalArgumentException("rows and timed ops must be positive, warm-up ops >= 0");
        }
    }

    /** Warm-up plus timed operations: the sequence numbers run from 0 to this, exclusive. */
    public long totalOps() {
        return (long) warmupOps + timedOps;
    }
}
