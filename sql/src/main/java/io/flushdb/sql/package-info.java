/**
 * FlushDB's SQL layer: MySQL statements in, work on the storage engine, MySQL results and errors
 * out. {@link io.flushdb.sql.SqlEngine} is one server instance (the storage {@code Engine} of a
 * data directory and the plan cache); each connection gets a {@code session.Session}. Depends on
 * {@code storage}, {@code calcite-core} and {@code jsqlparser}; knows nothing of the driver.
 * {@code docs/sql.md} describes the whole.
 *
 * <p>How a statement flows:
 * <pre>
 * Session.execute(sql), or Session.prepare(sql) then execute(prepared, params)
 *   StatementRouter.parse: trim, count ? markers, read the leading words
 *     BEGIN, START TRANSACTION, RELEASE SAVEPOINT, SET .. TRANSACTION  → TRANSACTION (by words)
 *     CREATE/DROP DATABASE|SCHEMA                                      → DDL (by words)
 *     SHOW, DESC, DESCRIBE, EXPLAIN, CHECK TABLE                       → SHOW (by words)
 *     anything else: parse.MySqlParser (JSqlParser) → kind from the tree's class
 *   StatementRouter.execute, by kind:
 *     QUERY     compile (plan cache, else SqlNodeTranslator → QueryCompiler) → lock tables S
 *               → QueryExecutor.run (generated code over storage cursors; rows materialised)
 *     INSERT, UPDATE, DELETE
 *               engine writable? session read-only? → DmlExecutor.plan (compiles its queries)
 *               → lock the target X, others S
 *               → DmlExecutor.run (TableStore changes, each recorded in the undo log)
 *     DDL       DdlExecutor: commit, lock X, Dictionary call, commit
 *     USE, SET, TRANSACTION   Session
 *     SHOW      ShowExecutor (dictionary, session, compiled plan for EXPLAIN)
 *   any failure → error.SqlErrors.translate → MySqlException
 * </pre>
 * Queries, DML and CHECK TABLE run inside {@code StatementRouter.inStatement}: savepoint, table
 * locks, body, rollback to the savepoint on failure, release of statement locks, and commit or
 * rollback in autocommit mode.
 *
 * <p>Packages: {@code session} (connections' state), {@code route} (parsing by kind, statement
 * atomicity, locking), {@code parse} (JSqlParser set-up, lexical helpers), {@code plan}
 * (translation, compilation, plan cache; {@code schema}, {@code rel}, {@code rules},
 * {@code functions} below it), {@code exec} (running queries, DML, SHOW; result types),
 * {@code ddl}, {@code types} (value and type conversions), {@code error}, {@code vars} (the
 * {@code @@} variables), {@code catalog} (a dictionary view for tools), {@code status} (SHOW
 * STATUS, SHOW ENGINE INNODB STATUS, INNODB_METRICS, and the statement counters).
 *
 * <p>Threads: the layer starts none. Sessions are used by one application thread at a time; the
 * {@code SqlEngine}, its plan cache and the compiled plans in it are shared by all of them.
 */
package io.flushdb.sql;
