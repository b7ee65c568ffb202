/**
 * Routing a statement by kind: {@link io.flushdb.sql.route.StatementRouter} parses it
 * (JSqlParser, or its leading words for the statements JSqlParser does not parse usefully) into a
 * {@link io.flushdb.sql.route.ParsedStatement} of a {@link io.flushdb.sql.route.StatementKind},
 * then runs it: queries through the plan cache and {@code exec.QueryExecutor}, DML through
 * {@code exec.DmlExecutor}, DDL through {@code ddl.DdlExecutor}, SHOW, DESCRIBE, EXPLAIN and CHECK
 * TABLE through {@code exec.ShowExecutor}, transaction control, USE and SET on the session. A
 * statement of any other kind JSqlParser parses is error 1235.
 *
 * <p>Owns: statement atomicity, the order in which a statement's table locks are taken, and the
 * plan cache key of a statement. Never touches: pages or records; rows change only in
 * {@code exec}.
 *
 * <p>Threads: the session's thread; one router per session.
 *
 * <p>Invariants:
 * <ul>
 *   <li>RT1: statement atomicity. A statement run by {@code inStatement} (queries, DML, CHECK
 *       TABLE) runs after a savepoint of the transaction's undo log; if a writing statement
 *       fails, the transaction is rolled back to that savepoint, and if that rollback fails the
 *       storage engine is made FAILED. In autocommit mode the statement then commits on success
 *       and rolls back on failure.</li>
 *   <li>RT2: a statement takes all its table locks before its body runs, exclusive for the table
 *       it writes and shared for those it reads, in table id order, so two statements never
 *       deadlock with each other. Shared locks are released when the statement ends.</li>
 *   <li>RT3: plans are made before the locks are taken. If the dictionary version changed
 *       meanwhile, the statement is planned again under its locks, and fails with 1412 if the new
 *       plan needs a table it has not locked; so a statement never runs a plan made against a
 *       schema that changed before its locks were held.</li>
 *   <li>RT4: DML is refused before planning when the engine does not accept writes or the session
 *       is read-only (1792).</li>
 * </ul>
 */
package io.flushdb.sql.route;
