/**
 * FlushDB's physical operators and what their generated code calls: {@link
 * io.flushdb.sql.plan.rel.BTreeTableScan} (a whole table through its clustered index, streaming;
 * EXPLAIN's {@code ALL}) and {@link io.flushdb.sql.plan.rel.BTreeIndexScan} (equality on a prefix
 * of one index's key, one or several points, optionally a range on the next key column;
 * {@code const}, {@code ref} or {@code range}), both {@code TableScan}s in Calcite's Enumerable
 * convention, with their runtimes ({@code ScanRuntime}, {@code IndexScanRuntime}) and search-key
 * values ({@code KeyBound}: a constant, or a parameter read at run time). {@link
 * io.flushdb.sql.plan.rel.SystemViewScan} reads an information_schema table: its runtime
 * ({@code SystemViewRuntime}) runs the table's row function for the session found in the plan's
 * {@code DataContext}, for the columns the query uses.
 *
 * <p>Owns: reading rows from storage for a query and converting them to Calcite's value forms.
 * Never touches: row changes, locks (the statement holds its table locks while the plan runs).
 *
 * <p>Threads: runtimes are stashed in a compiled plan at code generation and called by the
 * generated code on the thread of whichever session runs the plan, possibly several at once.
 *
 * <p>Invariants:
 * <ul>
 *   <li>SCAN1: a runtime is immutable and shared by every execution of its plan; each call makes
 *       its own cursor, and cursors hold no latch between rows.</li>
 *   <li>SCAN2: an index scan never misses a row its filter accepts. The filter stays above the
 *       scan and re-checks every row; a search value is converted to the column's stored form
 *       only when the conversion is exact ({@code KeyValues.exactStored}), otherwise an equality
 *       matches nothing (it could not be true) and a range bound is dropped.</li>
 *   <li>SCAN3: index scans collect their matching rows (a secondary index's entries each followed
 *       by a primary key lookup) into a list before returning them; full scans stream.</li>
 * </ul>
 */
package io.flushdb.sql.plan.rel;
