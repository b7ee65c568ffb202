/**
 * Running statements and shaping their results: {@link io.flushdb.sql.exec.QueryExecutor} (binds
 * a compiled query's parameters, runs its generated code, materialises the rows),
 * {@link io.flushdb.sql.exec.DmlExecutor} (INSERT, UPDATE, DELETE through
 * {@code storage.row.TableStore}), {@link io.flushdb.sql.exec.ShowExecutor} (SHOW, DESCRIBE,
 * EXPLAIN, CHECK TABLE from the dictionary, the session and compiled plans), and the result types
 * ({@link io.flushdb.sql.exec.StatementResult}, {@link io.flushdb.sql.exec.ColumnMeta},
 * {@code SqlWarning}, {@code ResultValues}).
 *
 * <p>Owns: changing rows on behalf of DML (each change writes its own undo record in the storage
 * layer); the canonical Java class of every result value. Never touches: parsing, locks (the router takes
 * them before these run), pages.
 *
 * <p>Threads: the session's thread. The executors hold no state between statements; the
 * compiled plans they run are shared and immutable.
 *
 * <p>Invariants:
 * <ul>
 *   <li>EX1: a result is materialised before the statement returns, so no cursor or latch
 *       outlives it and its statement locks can be released at once.</li>
 *   <li>EX2: every value of a query's result is null or an instance of its column's
 *       {@code MySqlType.valueClass()} ({@code ResultValues.adapt} converts each one).</li>
 *   <li>EX3: every change DML makes goes through {@code TableStore} with the session's
 *       transaction, which writes its undo record in the change's own mini-transaction, so a
 *       rollback to the statement's savepoint undoes exactly what was done.</li>
 *   <li>EX4: UPDATE and DELETE find their rows with a key-select (a query of the table's key
 *       columns with the statement's WHERE, ORDER BY and LIMIT) whose result is read in full
 *       before the first change, as is the query of {@code INSERT ... SELECT}; such a statement
 *       never sees its own changes. Each target row is then read again by key and changed.</li>
 * </ul>
 */
package io.flushdb.sql.exec;
