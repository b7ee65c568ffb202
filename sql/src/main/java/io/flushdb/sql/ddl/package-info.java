/**
 * DDL: {@link io.flushdb.sql.ddl.DdlExecutor} runs CREATE/DROP DATABASE, CREATE/DROP TABLE,
 * CREATE/DROP INDEX and TRUNCATE directly against the storage {@code Dictionary};
 * {@code CreateTableHandler}, {@code ColumnSpec}, {@code TableOptions}, {@code DefaultValues} and
 * {@code CharsetNames} turn a statement into a checked {@code TableDef} with MySQL's defaults,
 * naming and rules.
 *
 * <p>Owns: MySQL's DDL semantics (implicit commit, IF [NOT] EXISTS notes, key naming, key length
 * limits scaled to the page size, storage engine substitution with warning 1266). Never touches:
 * pages or files (the dictionary does), the plan cache (the dictionary version invalidates it).
 *
 * <p>Threads: the session's thread.
 *
 * <p>Invariants:
 * <ul>
 *   <li>DDL1: once its own checks pass, a DDL statement commits the session's open transaction,
 *       checks that the engine accepts writes, takes the affected tables' locks exclusively in
 *       table id order (waiting up to {@code lock_wait_timeout}), calls the dictionary, and
 *       commits again, releasing the locks, whether the call succeeded or not. A statement refused
 *       by an earlier check, or a no-op under IF [NOT] EXISTS, returns before the implicit
 *       commit.</li>
 *   <li>DDL2: a definition is built and checked in full before the dictionary is called, so a
 *       statement refused for its definition changes nothing.</li>
 *   <li>DDL3: DDL is not part of the undo log: once the dictionary call returns, it cannot be
 *       rolled back, and it is not crash-safe yet (see {@code storage.dict}).</li>
 * </ul>
 */
package io.flushdb.sql.ddl;
