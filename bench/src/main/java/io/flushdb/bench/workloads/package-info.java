/**
 * The workloads: each is a {@link io.flushdb.bench.workloads.Workload} that prepares data and
 * opens per-client {@link io.flushdb.bench.workloads.Operation}s; the harness owns the phases
 * and the clock. To add one, write the class and register its name in
 * {@link io.flushdb.bench.workloads.Workloads}. Workloads over the shared key-value table use
 * {@link io.flushdb.bench.workloads.BenchTable} for its DDL, loading and expected contents.
 */
package io.flushdb.bench.workloads;
