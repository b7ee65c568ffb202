/**
 * Results and their presentation: per-run latency statistics
 * ({@link io.flushdb.bench.report.LatencySummary}), ratios against the baseline
 * ({@link io.flushdb.bench.report.Ratios}), and the text and CSV renderings of a whole run
 * ({@link io.flushdb.bench.report.Report}); for the group-commit and bank scenarios, the raw fsync rate
 * ({@link io.flushdb.bench.report.FsyncRate}), commit rates by thread count
 * ({@link io.flushdb.bench.report.CommitRates}), medians over its rounds
 * ({@link io.flushdb.bench.report.Median}) and their report
 * ({@link io.flushdb.bench.report.ConcurrentReport}). Pure code, unit-tested without a database.
 */
package io.flushdb.bench.report;
