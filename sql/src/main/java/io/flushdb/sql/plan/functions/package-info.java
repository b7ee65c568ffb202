/**
 * MySQL's operators and functions where Calcite's differ: {@link
 * io.flushdb.sql.plan.functions.MySqlOperators} declares each as a Calcite user-defined function
 * ({@code MYSQL_DIVIDE}, {@code MYSQL_CHECKED}, {@code MYSQL_SORT_KEY}, {@code MYSQL_LIKE}, ...)
 * whose return type follows MySQL, and {@link io.flushdb.sql.plan.functions.MySqlFunctions} holds
 * their bodies, which generated code calls. Which MySQL name maps to which operator is decided in
 * {@code plan.FunctionMapping}.
 *
 * <p>Owns: the run-time semantics of these operators (MySQL division and modulo, checked BIGINT
 * arithmetic, collation keys, LIKE under a collation, byte lengths, and the like). Never touches:
 * storage, sessions.
 *
 * <p>Threads: the methods are static and called by generated code on the thread of the session
 * running the plan. The few that raise a warning (division by zero outside stored values) report
 * it to the per-thread sink {@code MySqlFunctions.WARNINGS}, which the executor sets around each
 * execution.
 *
 * <p>Invariant FN1: every function returns null when a value argument is null, as MySQL does
 * (a null escape for {@code MYSQL_LIKE} means the default backslash).
 */
package io.flushdb.sql.plan.functions;
