/**
 * Results and their presentation: per-run latency statistics
 * ({@link io.flushdb.bench.report.LatencySummary}), ratios against the baseline
 * ({@link io.flushdb.bench.report.Ratios}), and the text and CSV renderings of a whole run
 * ({@link io.flushdb.bench.report.Report}). Pure code, unit-tested without a database.
 */
package io.flushdb.bench.report;
