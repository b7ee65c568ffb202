/**
 * MySQL errors: {@link io.flushdb.sql.error.MySqlError} (the errors FlushDB raises, by MySQL
 * symbol, with code, SQLSTATE and MySQL 8.0's message template),
 * {@link io.flushdb.sql.error.MySqlException} (a failure as a MySQL server would report it) and
 * {@link io.flushdb.sql.error.SqlErrors} (the conversion of every other failure).
 *
 * <p>Owns: the mapping from storage exceptions, parser and planner failures and programming
 * errors to MySQL error codes. Never touches: JDBC; the driver maps SQLSTATE classes to
 * {@code SQLException} subclasses.
 *
 * <p>Threads: any; stateless.
 *
 * <p>Invariants:
 * <ul>
 *   <li>ERR1: {@code SqlErrors.translate} is the one place a failure becomes a
 *       {@code MySqlException} (STYLE §2.7); a {@code MySqlException} passes through unchanged.
 *       Validator and syntax errors are raised as {@code MySqlException}s where they are found
 *       ({@code plan.ValidationErrors}, {@code parse.MySqlParser}).</li>
 *   <li>ERR2: a failure nothing recognises becomes 1815 ({@code ER_INTERNAL_ERROR}) with its
 *       message, and keeps the original as its cause; nothing is swallowed.</li>
 * </ul>
 */
package io.flushdb.sql.error;
