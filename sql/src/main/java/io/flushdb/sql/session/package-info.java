/**
 * Client sessions: {@link io.flushdb.sql.session.Session} (one per connection: default database,
 * autocommit, the storage {@code Transaction}, savepoints, access mode, isolation level,
 * {@code LAST_INSERT_ID()}, warnings), {@link io.flushdb.sql.session.PreparedSql} (a statement
 * parsed once for repeated execution) and {@link io.flushdb.sql.session.Names} (table names
 * resolved against the default database and the dictionary).
 *
 * <p>Owns: a connection's state between statements. Never touches: pages or plans directly; it
 * hands statements to {@code route.StatementRouter}.
 *
 * <p>Threads: a session is confined to one thread at a time, as a JDBC connection is (the driver
 * serialises calls on a connection). Sessions share nothing but their {@code SqlEngine}.
 *
 * <p>Invariants:
 * <ul>
 *   <li>SES1: every failure leaves a session as a {@code MySqlException}, converted once by
 *       {@code SqlErrors.translate}. A statement that fails in {@code execute} also leaves its
 *       error in the warning list (level {@code Error}), where SHOW WARNINGS and SHOW ERRORS find
 *       it.</li>
 *   <li>SES2: the warning list is cleared at the start of each statement, except one that reads
 *       it ({@code SHOW WARNINGS}, {@code SHOW ERRORS}, {@code SHOW COUNT(*) WARNINGS}); it keeps
 *       at most 64 entries.</li>
 *   <li>SES3: a session has at most one open transaction. {@code BEGIN} and turning autocommit on
 *       commit the open one first; DDL commits it; closing the session rolls it back.</li>
 *   <li>SES4: savepoints are positions (undo numbers) in the transaction's undo log, named case-insensitively;
 *       {@code ROLLBACK TO} keeps the named savepoint and forgets later ones, {@code RELEASE}
 *       forgets it and later ones, and commit or rollback forgets all.</li>
 * </ul>
 *
 * <p>Isolation levels: a plain SELECT is a consistent read of the transaction's read view
 * ({@link io.flushdb.sql.session.Session#statementReadView}): under REPEATABLE READ one view for the
 * whole transaction, opened by its first read; under READ COMMITTED a view per statement; under
 * READ UNCOMMITTED the latest rows, committed or not; under SERIALIZABLE, inside a transaction, a
 * locking read. Statements that change rows, and locking reads, read the latest rows and hold
 * table locks ({@code storage.trx.TableLock}) so that writers of a table take turns; readers and
 * writers do not wait for each other.
 */
package io.flushdb.sql.session;
