/**
 * Whole-workload JDBC benchmarks of FlushDB against its peers, run in one command and reported
 * as rates and ratios. Speed is measured here, never asserted in tests.
 *
 * <p>{@link io.flushdb.bench.BenchMain} is the command line. For every workload and target it
 * starts a child JVM ({@code ForkedRun}) that runs the workload in a fresh data directory
 * ({@code WorkloadRun}) and hands back a {@link io.flushdb.bench.report.RunResult}; the parent
 * renders the {@link io.flushdb.bench.report.Report}.
 *
 * <p>{@code --scenario group-commit} and {@code --scenario bank} are two more: the parent
 * measures the raw fsync rate ({@code FsyncProbe}), then each target runs in a child JVM
 * ({@code ConcurrentRun}) that times 1, 4 and 16 client threads running a
 * {@code ConcurrentWorkload} in interleaved rounds (group-commit, {@code GroupCommitInserts}: one
 * insert per transaction; bank, {@code BankTransfers}: one transfer between two accounts per
 * transaction, rows locked in random order, conflicts retried), and hands back a
 * {@link io.flushdb.bench.report.CommitRates}; the parent renders the
 * {@link io.flushdb.bench.report.ConcurrentReport}.
 *
 * <p>{@code --scenario flushing} is the third: in this JVM, on FlushDB only ({@code FlushingRun}),
 * a 16 MiB buffer pool and an 8 MiB redo log under random-key updates from several threads, while
 * a {@link io.flushdb.bench.timeseries.TimeSeriesRecorder} samples the flushing and checkpoint
 * counters once a second and SET GLOBAL changes the flushing settings on a schedule
 * ({@code --set}); the rows go to {@code results/flushing-<UTC time>.csv}, a chart of them to the
 * {@code .png} beside it, the summary to stdout and the {@code .txt}. {@code --chart FILE.csv}
 * redraws a PNG from such a CSV without running anything.
 *
 * <ul>
 *   <li>{@code workloads/}: what one operation is ({@link io.flushdb.bench.workloads.Workload}),
 *       one class per workload, registered in {@code Workloads}.</li>
 *   <li>{@code peers/}: the databases under test ({@link io.flushdb.bench.peers.Peer}): URL,
 *       durability settings and how to read them back, DDL differences.</li>
 *   <li>{@code report/}: latency statistics, ratios, the text table and the CSV.</li>
 *   <li>{@code timeseries/}: the flushing scenario's per-second recorder, its CSV, chart and
 *       summary.</li>
 * </ul>
 *
 * <p>Rules the harness keeps:
 * <ol>
 *   <li>BENCH1: every target runs the same operations with the same seed, in a fresh empty
 *       directory deleted afterwards, in its own JVM unless {@code --no-fork}.</li>
 *   <li>BENCH2: only the timed phase is on the clock; loading, warm-up and checks are not.</li>
 *   <li>BENCH3: a wrong answer fails the run; a target that cannot run is a report row with its
 *       reason, and the other targets still run.</li>
 *   <li>BENCH4: durability is reported as read back from each running database, and a target
 *       that ran weaker than requested is marked.</li>
 * </ol>
 */
package io.flushdb.bench;
