/**
 * Status reporting: {@code SHOW [GLOBAL | SESSION] STATUS} ({@link
 * io.flushdb.sql.status.StatusVariables}, with {@link io.flushdb.sql.status.ShowWhere} for its
 * WHERE clause), {@code SHOW ENGINE INNODB STATUS} ({@link
 * io.flushdb.sql.status.EngineStatusReport}) and the {@code INNODB_METRICS} counters with their
 * {@code innodb_monitor_*} controls ({@link io.flushdb.sql.status.InnodbMetrics}), in MySQL 8.0's
 * names, layouts and semantics. {@code docs/monitoring.md} describes every figure and its source.
 *
 * <p>Owns: the server-wide counters ({@link io.flushdb.sql.status.ServerStatus}: uptime,
 * {@code Com_xxx} and question totals, connections, the open sessions), each session's own
 * ({@link io.flushdb.sql.status.SessionStatus}), the classification of statements into
 * {@code Com_xxx} kinds ({@link io.flushdb.sql.status.Command}), the previous printout's sample
 * that SHOW ENGINE INNODB STATUS computes its rates from, and the INNODB_METRICS bookkeeping
 * (enable/disable/reset baselines). Never touches: the storage engine's state; it only reads the
 * engine's figures ({@code BufferPoolStats}, {@code metrics.InnodbCounters}, the LSN accessors
 * of {@code Engine}).
 *
 * <p>Threads: starts none. Counters are incremented by the session threads that run the
 * statements ({@code Session.execute} counts questions and commands and marks the session
 * running); reports are built by whichever session asks. {@code SqlEngine} owns one
 * {@code ServerStatus}, one {@code InnodbMetrics} and one {@code EngineStatusReport}.
 *
 * <p>Invariants:
 * <ul>
 *   <li>ST1: every increment of a session's counter also increments the global one, so a GLOBAL
 *       value is the sum over every session the engine has had, open or closed.</li>
 *   <li>ST2: a statement is counted (question, {@code Com_xxx}) before it runs, so one that
 *       fails is counted and SHOW STATUS counts itself, as in MySQL.</li>
 *   <li>ST3: every value is read from the engine when asked for; the only remembered figures are
 *       the previous printout's sample (rates) and the INNODB_METRICS baselines.</li>
 *   <li>ST4: counting allocates nothing per statement for queries and DML, and takes no lock
 *       ({@code LongAdder}s, ordered writes of a session's own counters).</li>
 * </ul>
 */
package io.flushdb.sql.status;
