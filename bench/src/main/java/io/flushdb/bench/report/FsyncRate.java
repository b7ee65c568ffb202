package io.flushdb.bench.report;

/**
 * The machine's raw fsync rate: {@code fsyncs} rounds of one {@code bytes}-byte write plus
 * {@code FileChannel.force(metadata)} in {@code elapsedNanos}, on the file system the databases
 * use. It is the ceiling of a committer that fsyncs once per commit, and the unit the
 * group-commit scenario measures commit rates in.
 *
 * @param metadata whether {@code force(true)} (fsync, file metadata too) rather than
 *     {@code force(false)} (fdatasync) was measured
 */
public record FsyncRate(int bytes, boolean metadata, long fsyncs, long elapsedNanos) {

    public double perSecond() {
        return fsyncs * 1e9 / elapsedNanos;
    }

    public double meanNanos() {
        return (double) elapsedNanos / fsyncs;
    }

    /** What one round was, for the report. */
    public String call() {
        return bytes + "-byte write + FileChannel.force(" + metadata + ")"
                + (metadata ? " (fsync)" : " (fdatasync)");
    }
}
