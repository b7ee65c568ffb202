/**
 * JDBC integration tests: FlushDB used only as an application uses it, through
 * {@code DriverManager.getConnection("jdbc:flushdb:<datadir>...")} on a data directory in a JUnit
 * {@code @TempDir}, with nothing reached inside the engine.
 *
 * <ul>
 *   <li>{@link io.flushdb.compat.jdbc.ManyRowsReopenTest}: 200,000 rows written through one reused
 *       {@code PreparedStatement} read back exactly, through every index, after a clean shutdown and
 *       a reopen.
 *   <li>{@link io.flushdb.compat.jdbc.SmallBufferPoolTest}: a table more than ten times the buffer
 *       pool, so dirty pages are evicted and pages are read back from the files, verified before and
 *       after a reopen.
 *   <li>{@link io.flushdb.compat.jdbc.ErrorCodesTest}: the MySQL error code, SQLSTATE and JDBC
 *       exception class of each common failure, and that the failed statement changed nothing.
 *   <li>{@link io.flushdb.compat.jdbc.StatusVariablesTest}: SHOW STATUS counters move by exactly
 *       the rows and statements done, per session and globally; LIKE, WHERE and MySQL's order.
 *   <li>{@link io.flushdb.compat.jdbc.EngineStatusTest}: SHOW ENGINE INNODB STATUS read with
 *       MySQL's line formats ({@link io.flushdb.compat.jdbc.InnodbStatusReader}) agrees with
 *       SHOW STATUS, moves with work, adds up per buffer pool instance, lists every session.
 *   <li>{@link io.flushdb.compat.jdbc.KillDuringAutocommitTest}: a child JVM
 *       ({@link io.flushdb.compat.jdbc.KillDuringAutocommitMain}) running autocommit statements is
 *       killed with SIGKILL 30 times; after each kill, recovery must leave exactly the statements
 *       its journal ({@link io.flushdb.compat.jdbc.CrashJournal}) shows committed, the one running
 *       statement wholly or not at all, and a table CHECK TABLE finds OK. About 70 s on two cores.
 * </ul>
 *
 * <p>Each test checks exact values (rows compared with a seeded generator, exact counts and sums),
 * so each one can fail. They share {@link io.flushdb.compat.jdbc.TestDatabase} for URLs and
 * {@code CHECK TABLE}. Run time matters here, as they run in every {@code mvn verify}: the two
 * large tests are sized to stay well under a minute each on two cores.
 */
package io.flushdb.compat.jdbc;
